package io.huaxiang.core.lending;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money in CNY, kept to the fen (2 decimal places).
 *
 * <p>Events, loans and offers carry {@code Money} rather than bare numbers so that a yuan is never
 * confused with a fen or a rate. Negative amounts are allowed only where the domain needs them
 * (e.g. a refund); use {@link #requireNonNegative(String)} at boundaries that forbid them.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

  public static final Money ZERO = new Money(BigDecimal.ZERO);

  public Money {
    Objects.requireNonNull(amount, "amount");
    if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("money has at most 2 decimal places (fen): " + amount);
    }
    amount = amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  public static Money of(String yuan) {
    return new Money(new BigDecimal(yuan));
  }

  public static Money of(long yuan) {
    return new Money(BigDecimal.valueOf(yuan));
  }

  /** Rounds half-up to the fen; for amounts computed from rates. */
  public static Money rounded(BigDecimal yuan) {
    return new Money(yuan.setScale(2, RoundingMode.HALF_UP));
  }

  /** An amount given in fen (分), the smallest unit. */
  public static Money ofFen(long fen) {
    return new Money(BigDecimal.valueOf(fen, 2));
  }

  /** This amount times {@code factor}, rounded half-up to the fen. */
  public Money times(BigDecimal factor) {
    return rounded(amount.multiply(factor));
  }

  /** The amount in fen. */
  public long fen() {
    return amount.movePointRight(2).longValueExact();
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public Money plus(Money other) {
    return new Money(amount.add(other.amount));
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(other.amount));
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /** Throws if negative, naming the field so the caller's error message is specific. */
  public Money requireNonNegative(String field) {
    if (isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative: " + amount);
    }
    return this;
  }

  public double toDouble() {
    return amount.doubleValue();
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(other.amount);
  }

  @Override
  public String toString() {
    return amount.toPlainString();
  }
}
