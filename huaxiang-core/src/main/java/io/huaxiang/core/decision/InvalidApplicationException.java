package io.huaxiang.core.decision;

/**
 * An application refused before any decision, for a reason the client can fix or that no strategy
 * may override (an under-age applicant), with the field at fault and both languages.
 */
public final class InvalidApplicationException extends IllegalArgumentException {
  private final String reason;
  private final String field;
  private final String messageZh;
  private final boolean policy;

  public InvalidApplicationException(
      String reason, String field, String message, String messageZh, boolean policy) {
    super(message);
    this.reason = reason;
    this.field = field;
    this.messageZh = messageZh;
    this.policy = policy;
  }

  /** Stable code, e.g. {@code ID_CHECKSUM}, {@code UNDER_AGE}, {@code UNKNOWN_PRODUCT}. */
  public String reason() {
    return reason;
  }

  /** The wire name of the field at fault, e.g. {@code id_number}. */
  public String field() {
    return field;
  }

  public String messageZh() {
    return messageZh;
  }

  /**
   * True when the request is well formed but not acceptable (unknown product, amount out of range,
   * under age): HTTP 422 rather than 400.
   */
  public boolean policy() {
    return policy;
  }
}
