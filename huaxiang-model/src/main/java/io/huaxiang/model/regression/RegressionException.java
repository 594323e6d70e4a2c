package io.huaxiang.model.regression;

/** Signals a regression that cannot be fitted: perfect separation or collinear inputs. */
public final class RegressionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RegressionException(String message) {
    super(message);
  }
}
