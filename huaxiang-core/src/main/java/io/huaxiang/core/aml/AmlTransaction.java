package io.huaxiang.core.aml;

import io.huaxiang.core.lending.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * One transaction as the AML screens see it.
 *
 * @param id unique transaction id, reported back in findings
 * @param customerId the customer the thresholds are counted for
 * @param customerType natural person or not
 * @param at when it happened
 * @param amount the amount in CNY (convert foreign currency before screening)
 * @param kind cash, domestic or cross-border transfer
 * @param direction in or out of the customer's account
 */
public record AmlTransaction(
    String id,
    String customerId,
    CustomerType customerType,
    Instant at,
    Money amount,
    TransactionKind kind,
    Direction direction) {

  public AmlTransaction {
    requireText(id, "id");
    requireText(customerId, "customerId");
    Objects.requireNonNull(customerType, "customerType");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(direction, "direction");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException(
          "transaction " + id + ": amount must be positive, got " + amount);
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException("transaction " + name + " must not be blank");
    }
  }
}
