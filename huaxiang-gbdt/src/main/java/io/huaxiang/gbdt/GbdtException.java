package io.huaxiang.gbdt;

/** Signals that a GBDT model cannot be trained, scored, saved or loaded, with the reason why. */
public final class GbdtException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GbdtException(String message) {
    super(message);
  }

  public GbdtException(String message, Throwable cause) {
    super(message, cause);
  }
}
