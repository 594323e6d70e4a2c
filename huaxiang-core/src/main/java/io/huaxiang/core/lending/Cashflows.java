package io.huaxiang.core.lending;

import java.util.List;
import java.util.Objects;

/**
 * A loan's cash flows seen by the borrower: an amount received at time 0 and payments at the end of
 * each following period, for computing the true annualised rate.
 *
 * @param advanced what the borrower actually received at the start, after any fee deducted
 * @param payments the payment at the end of period 1, 2, …; zero for a period without payment
 * @param periodsPerYear 12 for monthly, 52 for weekly, 365 for daily periods
 */
public record Cashflows(Money advanced, List<Money> payments, int periodsPerYear) {

  public Cashflows {
    Objects.requireNonNull(advanced, "advanced");
    if (!advanced.isPositive()) {
      throw new IllegalArgumentException(
          "the amount received must be positive, got " + advanced + " (fees above the principal?)");
    }
    payments = List.copyOf(payments);
    if (payments.stream().anyMatch(Money::isNegative)) {
      throw new IllegalArgumentException("payments must not be negative");
    }
    if (payments.stream().noneMatch(Money::isPositive)) {
      throw new IllegalArgumentException("at least one payment must be positive");
    }
    if (periodsPerYear < 1) {
      throw new IllegalArgumentException("periodsPerYear must be >= 1, got " + periodsPerYear);
    }
  }

  /** Monthly cash flows. */
  public static Cashflows monthly(Money advanced, List<Money> payments) {
    return new Cashflows(advanced, payments, 12);
  }

  /** Everything paid back. */
  public Money totalPaid() {
    return payments.stream().reduce(Money.ZERO, Money::plus);
  }
}
