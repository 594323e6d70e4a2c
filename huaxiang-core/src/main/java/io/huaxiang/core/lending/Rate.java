package io.huaxiang.core.lending;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A non-negative rate as a fraction: {@code 0.006} is 0.6 %. Whether it is per year or per month is
 * said by the name of the parameter or field that holds it ({@code annualRate}, {@code
 * monthlyFeeRate}).
 */
public record Rate(BigDecimal fraction) implements Comparable<Rate> {

  public static final Rate ZERO = new Rate(BigDecimal.ZERO);

  public Rate {
    Objects.requireNonNull(fraction, "fraction");
    if (fraction.signum() < 0) {
      throw new IllegalArgumentException("a rate must not be negative: " + fraction);
    }
  }

  /** From a percentage: {@code ofPercent("0.6")} is 0.006. */
  public static Rate ofPercent(String percent) {
    return new Rate(new BigDecimal(percent).movePointLeft(2));
  }

  public static Rate ofPercent(BigDecimal percent) {
    return new Rate(percent.movePointLeft(2));
  }

  /** The rate in percent, e.g. {@code 13.03} for 0.1303 (not rounded). */
  public BigDecimal percent() {
    return fraction.movePointRight(2);
  }

  /** This rate times {@code factor}, e.g. 4 × LPR. */
  public Rate times(BigDecimal factor) {
    return new Rate(fraction.multiply(factor));
  }

  @Override
  public int compareTo(Rate other) {
    return fraction.compareTo(other.fraction);
  }

  /** The rate in percent with 2 decimals, e.g. {@code 13.03%}. */
  @Override
  public String toString() {
    return percent().setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }
}
