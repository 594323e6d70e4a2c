package io.huaxiang.model.data;

/** Signals input data a user must fix: an unreadable CSV, a bad target or a bad split. */
public final class DatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatasetException(String message) {
    super(message);
  }

  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
