package io.huaxiang.core.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** The identifier of a user, as the sending system knows it. */
public record UserId(@JsonValue String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");

  public UserId {
    Fields.requiredText(value, "user_id");
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidEventException(
          RejectReason.INVALID_VALUE,
          "user_id",
          "field 'user_id' must be 1-64 characters of letters, digits and _ . : @ -");
    }
  }

  @JsonCreator
  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
