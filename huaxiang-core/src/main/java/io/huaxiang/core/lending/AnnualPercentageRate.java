package io.huaxiang.core.lending;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The true annualised cost of a loan: the internal rate of return (IRR) of the borrower's cash
 * flows, which charges every yuan of interest and fees against the principal actually outstanding
 * in each period.
 *
 * <p>Two annual forms are given. {@link #nominal()} = periods per year × periodic IRR (monthly IRR
 * × 12): this is the "annualised rate" that PBoC Announcement [2021] No. 3 asks lenders to show and
 * that courts and regulators compare with the 24 % and 4 × LPR lines; this is what Huaxiang calls
 * APR. {@link #effective()} = (1 + periodic IRR)^(periods per year) − 1 compounds the periodic rate
 * and is always higher.
 *
 * <p>Example: 10,000 CNY in 12 months, equal principal plus a 0.6 % monthly fee on the original
 * principal. The headline "0.6 % × 12 = 7.2 %" ignores that the principal is repaid month by month;
 * the monthly IRR is 1.0862 %, so the APR is 13.03 % (effective annual rate 13.84 %).
 *
 * @param periodic the IRR per period, as a fraction
 * @param periodsPerYear periods per year of the cash flows
 */
public record AnnualPercentageRate(BigDecimal periodic, int periodsPerYear) {

  private static final MathContext MC = MathContext.DECIMAL64;

  public AnnualPercentageRate {
    Objects.requireNonNull(periodic, "periodic");
    if (periodsPerYear < 1) {
      throw new IllegalArgumentException("periodsPerYear must be >= 1, got " + periodsPerYear);
    }
  }

  /**
   * The IRR of {@code flows}: the periodic rate r with advanced = Σ payment_k / (1 + r)^k.
   *
   * <p>With a positive amount received and non-negative payments the present value falls strictly
   * as r grows, so the root is unique; it is found by bisection to 1e-15, which needs no starting
   * guess and cannot diverge.
   */
  public static AnnualPercentageRate irr(Cashflows flows) {
    Objects.requireNonNull(flows, "flows");
    double advanced = flows.advanced().toDouble();
    double[] pay = flows.payments().stream().mapToDouble(Money::toDouble).toArray();
    // bracket the root: PV(lo) > advanced > PV(hi); lo creeps towards -1 for flows that pay
    // back far less than was lent
    double gap = 1e-3;
    while (presentValue(pay, gap - 1) <= advanced) {
      gap /= 1e3;
      if (gap < 1e-200) {
        throw new IllegalArgumentException("IRR below -100 %: the cash flows make no sense");
      }
    }
    double lo = gap - 1;
    double hi = 1.0;
    while (presentValue(pay, hi) > advanced) {
      hi *= 2;
      if (hi > 1e9) {
        throw new IllegalArgumentException(
            "IRR above 1e9 per period: the cash flows make no sense");
      }
    }
    for (int i = 0; i < 400 && hi - lo > 1e-15; i++) {
      double mid = (lo + hi) / 2;
      if (presentValue(pay, mid) > advanced) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return new AnnualPercentageRate(
        new BigDecimal((lo + hi) / 2, MathContext.DECIMAL64), flows.periodsPerYear());
  }

  /** Shortcut for monthly cash flows. */
  public static AnnualPercentageRate irrMonthly(Money advanced, List<Money> payments) {
    return irr(Cashflows.monthly(advanced, payments));
  }

  /** Periodic IRR × periods per year, as a fraction: the APR in the Chinese regulatory sense. */
  public BigDecimal nominal() {
    return periodic.multiply(BigDecimal.valueOf(periodsPerYear), MC);
  }

  /** (1 + periodic IRR)^(periods per year) − 1, as a fraction. */
  public BigDecimal effective() {
    return BigDecimal.ONE.add(periodic).pow(periodsPerYear, MC).subtract(BigDecimal.ONE, MC);
  }

  /** The nominal APR in percent, 2 decimals half-up, e.g. {@code 13.03}. */
  public BigDecimal nominalPercent() {
    return nominal().movePointRight(2).setScale(2, RoundingMode.HALF_UP);
  }

  /** The effective annual rate in percent, 2 decimals half-up. */
  public BigDecimal effectivePercent() {
    return effective().movePointRight(2).setScale(2, RoundingMode.HALF_UP);
  }

  /** Whether the nominal APR is above {@code cap}. */
  public boolean exceeds(Rate cap) {
    return nominal().compareTo(cap.fraction()) > 0;
  }

  private static double presentValue(double[] payments, double rate) {
    double pv = 0;
    double discount = 1;
    double factor = 1 / (1 + rate);
    for (double p : payments) {
      discount *= factor;
      pv += p * discount;
    }
    return pv;
  }

  @Override
  public String toString() {
    return "APR " + nominalPercent() + "% (effective " + effectivePercent() + "%)";
  }
}
