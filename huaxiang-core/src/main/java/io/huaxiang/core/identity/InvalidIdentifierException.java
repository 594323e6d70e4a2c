package io.huaxiang.core.identity;

import java.util.Objects;

/**
 * Thrown when an identifier fails to parse. The message is {@code CODE: 中文 / English (detail)} and
 * never contains the clear identifier, only a masked form, so it is safe to log and to return.
 */
public final class InvalidIdentifierException extends IllegalArgumentException {

  private final IdentifierReason reason;

  InvalidIdentifierException(IdentifierReason reason, String detail) {
    super(message(reason, detail));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public IdentifierReason reason() {
    return reason;
  }

  private static String message(IdentifierReason reason, String detail) {
    String base = reason.code() + ": " + reason.zh() + " / " + reason.en();
    return detail == null ? base : base + " (" + detail + ")";
  }
}
