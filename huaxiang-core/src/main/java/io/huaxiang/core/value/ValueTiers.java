package io.huaxiang.core.value;

import io.huaxiang.core.profile.FeatureValues;

/**
 * RFM value scoring (价值分层) over portrait features, with fixed, documented thresholds so a score
 * means the same for every user and every day (quantile cut-offs would move with the population).
 *
 * <p>Scores, 5 best:
 *
 * <ul>
 *   <li>recency: days since the latest application or repayment ≤ 7 → 5, ≤ 30 → 4, ≤ 90 → 3, ≤ 180
 *       → 2, else 1;
 *   <li>frequency: loans disbursed + repayments made ≥ 12 → 5, ≥ 6 → 4, ≥ 3 → 3, ≥ 2 → 2, else 1;
 *   <li>monetary: principal disbursed ≥ 20,000 CNY → 5, ≥ 10,000 → 4, ≥ 5,000 → 3, ≥ 2,000 → 2,
 *       else 1.
 * </ul>
 *
 * <p>Tiers, first match wins: no loan disbursed → non-borrower; R ≥ 4, F ≥ 4, M ≥ 4 → champion; R ≥
 * 3, F ≥ 4 → loyal; R ≤ 2, M ≥ 4 → high value at risk; R ≤ 2, F ≥ 3 → at risk; R ≤ 2 → hibernating;
 * R ≥ 4, F ≤ 2 → promising; otherwise regular.
 */
public final class ValueTiers {
  private ValueTiers() {}

  public static ValueAssessment assess(FeatureValues f) {
    double loans = f.number("loans_disbursed_count_lifetime");
    if (Double.isNaN(loans) || loans <= 0) {
      return new ValueAssessment(null, ValueTier.NON_BORROWER);
    }
    Rfm rfm = rfm(f);
    return new ValueAssessment(rfm, tier(rfm));
  }

  static Rfm rfm(FeatureValues f) {
    double recency =
        nearer(f.number("days_since_last_application"), f.number("days_since_last_repayment"));
    double frequency =
        orZero(f.number("loans_disbursed_count_lifetime"))
            + orZero(f.number("repayments_count_lifetime"));
    double monetary = orZero(f.number("disbursed_amount_sum_lifetime"));
    return new Rfm(
        Double.isNaN(recency) ? 1 : descending(recency, 7, 30, 90, 180),
        ascending(frequency, 2, 3, 6, 12),
        ascending(monetary, 2_000, 5_000, 10_000, 20_000));
  }

  static ValueTier tier(Rfm s) {
    if (s.recency() >= 4 && s.frequency() >= 4 && s.monetary() >= 4) {
      return ValueTier.CHAMPION;
    }
    if (s.recency() >= 3 && s.frequency() >= 4) {
      return ValueTier.LOYAL;
    }
    if (s.recency() <= 2 && s.monetary() >= 4) {
      return ValueTier.HIGH_VALUE_AT_RISK;
    }
    if (s.recency() <= 2 && s.frequency() >= 3) {
      return ValueTier.AT_RISK;
    }
    if (s.recency() <= 2) {
      return ValueTier.HIBERNATING;
    }
    if (s.recency() >= 4 && s.frequency() <= 2) {
      return ValueTier.PROMISING;
    }
    return ValueTier.REGULAR;
  }

  /** 5 when {@code v ≤ a}, 4 when ≤ b, 3 when ≤ c, 2 when ≤ d, else 1. */
  private static int descending(double v, double a, double b, double c, double d) {
    return v <= a ? 5 : v <= b ? 4 : v <= c ? 3 : v <= d ? 2 : 1;
  }

  /** 1 below {@code a}, 2 from a, 3 from b, 4 from c, 5 from d. */
  private static int ascending(double v, double a, double b, double c, double d) {
    return v >= d ? 5 : v >= c ? 4 : v >= b ? 3 : v >= a ? 2 : 1;
  }

  private static double nearer(double a, double b) {
    if (Double.isNaN(a)) {
      return b;
    }
    return Double.isNaN(b) ? a : Math.min(a, b);
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }
}
