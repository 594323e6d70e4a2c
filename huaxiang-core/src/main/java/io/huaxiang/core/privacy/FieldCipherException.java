package io.huaxiang.core.privacy;

/** Thrown when a field cannot be encrypted or decrypted; {@link #reason()} says why. */
public final class FieldCipherException extends RuntimeException {

  /** Why the operation failed. */
  public enum Reason {
    /** The text is not in the {@code hx1:<keyId>:<base64url>} form. */
    MALFORMED,
    /** The ciphertext names a key id that is not in the key ring. */
    UNKNOWN_KEY,
    /** The tag did not verify: the value was altered, or belongs to another row or column. */
    NOT_AUTHENTIC
  }

  private final Reason reason;

  FieldCipherException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
