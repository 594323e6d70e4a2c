package io.huaxiang.core.event;

/**
 * An event that cannot be accepted, with the field at fault and a reason a sender can act on.
 *
 * <p>The reason code is stable (for dead-letter files and API clients); the message is for people.
 */
public final class InvalidEventException extends RuntimeException {
  private final RejectReason reason;
  private final String field;

  public InvalidEventException(RejectReason reason, String field, String message) {
    super(message);
    this.reason = reason;
    this.field = field;
  }

  public RejectReason reason() {
    return reason;
  }

  /** The JSON field at fault, or {@code null} when the record as a whole is at fault. */
  public String field() {
    return field;
  }
}
