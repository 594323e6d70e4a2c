package io.huaxiang.store;

/** A database operation failed for a reason other than the caller's input. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
