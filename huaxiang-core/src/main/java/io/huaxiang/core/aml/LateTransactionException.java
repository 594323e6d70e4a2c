package io.huaxiang.core.aml;

/**
 * Thrown when a transaction arrives for a day whose totals a {@link CustomerAmlState} no longer
 * keeps; re-screen that customer's day with {@link AmlScreen#scan} from stored transactions.
 */
public final class LateTransactionException extends IllegalArgumentException {

  LateTransactionException(String message) {
    super(message);
  }
}
