package io.huaxiang.core.lending;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The monthly payments of a loan, built by one of the {@link RepaymentMethod}s.
 *
 * <p>Interest per month is the annual rate / 12 on the principal still owed, rounded half-up to the
 * fen each month; the last instalment repays whatever principal is left, so the principal parts
 * always add up to the loan exactly.
 */
public record RepaymentSchedule(
    RepaymentMethod method, Money principal, List<Instalment> instalments) {

  private static final MathContext MC = MathContext.DECIMAL128;
  private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
  private static final int MAX_MONTHS = 600;

  public RepaymentSchedule {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(principal, "principal");
    instalments = List.copyOf(instalments);
    if (instalments.isEmpty()) {
      throw new IllegalArgumentException("a schedule has at least one instalment");
    }
  }

  /**
   * 等额本息: equal monthly payments; the payment is the annuity on the principal at {@code annualRate}
   * / 12, rounded half-up to the fen, and the last payment absorbs the rounding.
   */
  public static RepaymentSchedule equalInstalment(Money principal, int months, Rate annualRate) {
    check(principal, months, annualRate);
    BigDecimal r = monthly(annualRate);
    if (r.signum() == 0) {
      return equalPrincipal(principal, months, annualRate, RepaymentMethod.EQUAL_INSTALMENT);
    }
    BigDecimal growth = BigDecimal.ONE.add(r).pow(months, MC);
    Money payment =
        Money.rounded(
            principal
                .amount()
                .multiply(r)
                .multiply(growth)
                .divide(growth.subtract(BigDecimal.ONE), MC));
    List<Instalment> list = new ArrayList<>(months);
    Money remaining = principal;
    for (int k = 1; k <= months; k++) {
      Money interest = remaining.times(r);
      Money part = k == months ? remaining : payment.minus(interest).min(remaining);
      remaining = remaining.minus(part);
      list.add(new Instalment(k, part, interest, Money.ZERO, remaining));
    }
    return new RepaymentSchedule(RepaymentMethod.EQUAL_INSTALMENT, principal, list);
  }

  /** 等额本金: principal / months each month plus interest on the remaining principal. */
  public static RepaymentSchedule equalPrincipal(Money principal, int months, Rate annualRate) {
    check(principal, months, annualRate);
    return equalPrincipal(principal, months, annualRate, RepaymentMethod.EQUAL_PRINCIPAL);
  }

  /**
   * 到期一次还本付息: nothing until month {@code months}, then principal plus simple interest of principal
   * × annual rate × months / 12.
   */
  public static RepaymentSchedule bullet(Money principal, int months, Rate annualRate) {
    check(principal, months, annualRate);
    List<Instalment> list = new ArrayList<>(months);
    for (int k = 1; k < months; k++) {
      list.add(new Instalment(k, Money.ZERO, Money.ZERO, Money.ZERO, principal));
    }
    Money interest =
        principal.times(
            annualRate.fraction().multiply(BigDecimal.valueOf(months)).divide(TWELVE, MC));
    list.add(new Instalment(months, principal, interest, Money.ZERO, Money.ZERO));
    return new RepaymentSchedule(RepaymentMethod.BULLET, principal, list);
  }

  /**
   * Equal monthly principal plus a fee of {@code monthlyFeeRate} × the original principal every
   * month, and no interest: the "monthly fee 0.6 %" product.
   */
  public static RepaymentSchedule flatFee(Money principal, int months, Rate monthlyFeeRate) {
    check(principal, months, monthlyFeeRate);
    Money fee = principal.times(monthlyFeeRate.fraction());
    RepaymentSchedule base = equalPrincipal(principal, months, Rate.ZERO, RepaymentMethod.FLAT_FEE);
    return base.withMonthlyFee(fee);
  }

  /**
   * This schedule with a fixed fee added to every instalment, e.g. a monthly service fee on top of
   * interest.
   */
  public RepaymentSchedule withMonthlyFee(Money fee) {
    Objects.requireNonNull(fee, "fee").requireNonNegative("fee");
    return new RepaymentSchedule(
        method, principal, instalments.stream().map(i -> i.withFee(fee)).toList());
  }

  public int months() {
    return instalments.size();
  }

  public Money totalPrincipal() {
    return sum(Instalment::principal);
  }

  public Money totalInterest() {
    return sum(Instalment::interest);
  }

  public Money totalFees() {
    return sum(Instalment::fee);
  }

  /** Everything the borrower pays over the schedule. */
  public Money totalRepayment() {
    return sum(Instalment::total);
  }

  /**
   * The borrower's cash flows: {@code principal - upfrontFee} received at the start (a fee taken
   * out of the disbursement, 砍头息, lowers what the borrower really gets), then each instalment.
   */
  public Cashflows cashflows(Money upfrontFee) {
    Objects.requireNonNull(upfrontFee, "upfrontFee").requireNonNegative("upfrontFee");
    return Cashflows.monthly(
        principal.minus(upfrontFee), instalments.stream().map(Instalment::total).toList());
  }

  /**
   * The due date of each instalment, one month apart from {@code disbursedOn}; a day that does not
   * exist in a month falls on the month's last day (31 Jan → 28/29 Feb).
   */
  public List<LocalDate> dueDates(LocalDate disbursedOn) {
    Objects.requireNonNull(disbursedOn, "disbursedOn");
    List<LocalDate> dates = new ArrayList<>(instalments.size());
    for (int k = 1; k <= instalments.size(); k++) {
      dates.add(disbursedOn.plusMonths(k));
    }
    return dates;
  }

  private Money sum(java.util.function.Function<Instalment, Money> part) {
    Money total = Money.ZERO;
    for (Instalment i : instalments) {
      total = total.plus(part.apply(i));
    }
    return total;
  }

  private static RepaymentSchedule equalPrincipal(
      Money principal, int months, Rate annualRate, RepaymentMethod method) {
    BigDecimal r = monthly(annualRate);
    Money part = Money.rounded(principal.amount().divide(BigDecimal.valueOf(months), MC));
    List<Instalment> list = new ArrayList<>(months);
    Money remaining = principal;
    for (int k = 1; k <= months; k++) {
      Money interest = remaining.times(r);
      Money paid = k == months ? remaining : part.min(remaining);
      remaining = remaining.minus(paid);
      list.add(new Instalment(k, paid, interest, Money.ZERO, remaining));
    }
    return new RepaymentSchedule(method, principal, list);
  }

  private static BigDecimal monthly(Rate annualRate) {
    return annualRate.fraction().divide(TWELVE, MC);
  }

  private static void check(Money principal, int months, Rate rate) {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(rate, "rate");
    if (!principal.isPositive()) {
      throw new IllegalArgumentException("principal must be positive, got " + principal);
    }
    if (months < 1 || months > MAX_MONTHS) {
      throw new IllegalArgumentException(
          "term must be 1 to " + MAX_MONTHS + " months, got " + months);
    }
  }
}
