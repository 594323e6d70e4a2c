package io.huaxiang.core.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** The identifier of a loan, as the sending system knows it. */
public record LoanId(@JsonValue String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");

  public LoanId {
    Fields.requiredText(value, "loan_id");
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidEventException(
          RejectReason.INVALID_VALUE,
          "loan_id",
          "field 'loan_id' must be 1-64 characters of letters, digits and _ . : @ -");
    }
  }

  @JsonCreator
  public static LoanId of(String value) {
    return new LoanId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
