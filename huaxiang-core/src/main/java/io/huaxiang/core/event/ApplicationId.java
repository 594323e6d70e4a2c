package io.huaxiang.core.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** The identifier of a loan application, as the sending system knows it. */
public record ApplicationId(@JsonValue String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");

  public ApplicationId {
    Fields.requiredText(value, "application_id");
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidEventException(
          RejectReason.INVALID_VALUE,
          "application_id",
          "field 'application_id' must be 1-64 characters of letters, digits and _ . : @ -");
    }
  }

  @JsonCreator
  public static ApplicationId of(String value) {
    return new ApplicationId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
