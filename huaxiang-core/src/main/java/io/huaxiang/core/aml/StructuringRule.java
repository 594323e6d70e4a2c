package io.huaxiang.core.aml;

import io.huaxiang.core.lending.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Flags a customer who makes {@code minCount} or more transactions just under a large-value
 * threshold, in one direction, within {@code window}: each amount is at least {@code nearFraction}
 * × the threshold and below it (e.g. 45,000.00–49,999.99 CNY for the 50,000 cash line).
 *
 * @param watched the large-value rule whose threshold is being avoided
 */
public record StructuringRule(
    LargeValueRule watched, BigDecimal nearFraction, int minCount, Duration window) {

  public StructuringRule {
    Objects.requireNonNull(watched, "watched");
    Objects.requireNonNull(nearFraction, "nearFraction");
    Objects.requireNonNull(window, "window");
    if (nearFraction.signum() <= 0 || nearFraction.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException(
          "nearFraction must be between 0 and 1, got " + nearFraction);
    }
    if (minCount < 2) {
      throw new IllegalArgumentException("minCount must be at least 2, got " + minCount);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
  }

  /** The lowest amount that counts as "just under". */
  public Money nearFloor() {
    return watched.threshold().times(nearFraction);
  }

  /** Whether {@code tx} is of the watched kind and just under the threshold. */
  public boolean isNearMiss(AmlTransaction tx) {
    return watched.appliesTo(tx)
        && tx.amount().compareTo(watched.threshold()) < 0
        && tx.amount().compareTo(nearFloor()) >= 0;
  }
}
