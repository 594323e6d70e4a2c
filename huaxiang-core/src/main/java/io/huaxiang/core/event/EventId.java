package io.huaxiang.core.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** The identifier of an event, as the sending system knows it. */
public record EventId(@JsonValue String value) {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");

  public EventId {
    Fields.requiredText(value, "id");
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidEventException(
          RejectReason.INVALID_VALUE,
          "id",
          "field 'id' must be 1-64 characters of letters, digits and _ . : @ -");
    }
  }

  @JsonCreator
  public static EventId of(String value) {
    return new EventId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
