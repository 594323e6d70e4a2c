package io.huaxiang.core.aml;

import io.huaxiang.core.lending.Money;
import java.util.Objects;
import java.util.Set;

/**
 * A large-value reporting threshold: transactions of the given kinds by the given customer types,
 * totalled per customer, per natural day and per direction, are reported once the total reaches
 * {@code threshold} (inclusive).
 */
public record LargeValueRule(
    AmlRuleCode code,
    Set<TransactionKind> kinds,
    Set<CustomerType> customerTypes,
    Money threshold) {

  public LargeValueRule {
    Objects.requireNonNull(code, "code");
    kinds = Set.copyOf(kinds);
    customerTypes = Set.copyOf(customerTypes);
    Objects.requireNonNull(threshold, "threshold");
    if (!threshold.isPositive()) {
      throw new IllegalArgumentException(code + ": threshold must be positive");
    }
  }

  public boolean appliesTo(AmlTransaction tx) {
    return kinds.contains(tx.kind()) && customerTypes.contains(tx.customerType());
  }
}
