package io.huaxiang.core.lending;

import java.util.Objects;

/**
 * What a borrower must be told before signing: everything the loan costs, its true APR and the
 * payment table, in Chinese and English.
 *
 * @param schedule the repayment schedule offered
 * @param upfrontFee a fee deducted from the disbursement (zero if none)
 * @param apr the IRR-based APR of the borrower's cash flows, all fees included
 */
public record TotalCostDisclosure(
    RepaymentSchedule schedule, Money upfrontFee, AnnualPercentageRate apr) {

  public TotalCostDisclosure {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(upfrontFee, "upfrontFee").requireNonNegative("upfrontFee");
    Objects.requireNonNull(apr, "apr");
  }

  /** The disclosure of {@code schedule} with {@code upfrontFee} taken at disbursement. */
  public static TotalCostDisclosure of(RepaymentSchedule schedule, Money upfrontFee) {
    return new TotalCostDisclosure(
        schedule, upfrontFee, AnnualPercentageRate.irr(schedule.cashflows(upfrontFee)));
  }

  /** The disclosure of {@code schedule} without an upfront fee. */
  public static TotalCostDisclosure of(RepaymentSchedule schedule) {
    return of(schedule, Money.ZERO);
  }

  public Money principal() {
    return schedule.principal();
  }

  /** What the borrower actually receives. */
  public Money amountReceived() {
    return schedule.principal().minus(upfrontFee);
  }

  public Money totalInterest() {
    return schedule.totalInterest();
  }

  /** All fees: the upfront fee plus every periodic fee. */
  public Money totalFees() {
    return schedule.totalFees().plus(upfrontFee);
  }

  /** Interest plus fees: the whole price of the loan. */
  public Money totalCost() {
    return totalInterest().plus(totalFees());
  }

  /** What the borrower pays back in total. */
  public Money totalRepayment() {
    return schedule.totalRepayment();
  }

  /** The disclosure in Simplified Chinese. */
  public String zh() {
    StringBuilder sb = new StringBuilder();
    sb.append("借款本金 ").append(principal()).append(" 元，");
    if (upfrontFee.isPositive()) {
      sb.append("放款时扣除费用 ")
          .append(upfrontFee)
          .append(" 元，实际到手 ")
          .append(amountReceived())
          .append(" 元，");
    }
    sb.append("期限 ")
        .append(schedule.months())
        .append(" 个月，还款方式：")
        .append(schedule.method().zh())
        .append("。\n");
    sb.append("利息合计 ").append(totalInterest()).append(" 元，费用合计 ").append(totalFees());
    sb.append(" 元，借款总成本 ")
        .append(totalCost())
        .append(" 元，应还总额 ")
        .append(totalRepayment())
        .append(" 元。\n");
    sb.append("年化利率（按内部收益率法计算，含全部利息和费用，单利折算）：").append(apr.nominalPercent()).append("%；");
    sb.append("按复利折算的实际年利率：").append(apr.effectivePercent()).append("%。\n");
    sb.append("期数 | 本金 | 利息 | 费用 | 本期应还 | 剩余本金\n");
    for (Instalment i : schedule.instalments()) {
      sb.append(row(i));
    }
    return sb.toString();
  }

  /** The disclosure in English. */
  public String en() {
    StringBuilder sb = new StringBuilder();
    sb.append("Principal CNY ").append(principal());
    if (upfrontFee.isPositive()) {
      sb.append(", less a fee of CNY ")
          .append(upfrontFee)
          .append(" taken at disbursement, so you receive CNY ")
          .append(amountReceived());
    }
    sb.append(", for ")
        .append(schedule.months())
        .append(" months, repaid by ")
        .append(schedule.method().en())
        .append(".\n");
    sb.append("Total interest CNY ")
        .append(totalInterest())
        .append(", total fees CNY ")
        .append(totalFees());
    sb.append(", total cost of credit CNY ")
        .append(totalCost())
        .append(", total to repay CNY ")
        .append(totalRepayment())
        .append(".\n");
    sb.append(
            "APR (internal rate of return, all interest and fees included, annualised by simple multiplication): ")
        .append(apr.nominalPercent())
        .append("%; ");
    sb.append("effective annual rate (compounded): ").append(apr.effectivePercent()).append("%.\n");
    sb.append("No. | principal | interest | fees | due | principal left\n");
    for (Instalment i : schedule.instalments()) {
      sb.append(row(i));
    }
    return sb.toString();
  }

  private static String row(Instalment i) {
    return i.number()
        + " | "
        + i.principal()
        + " | "
        + i.interest()
        + " | "
        + i.fee()
        + " | "
        + i.total()
        + " | "
        + i.remainingPrincipal()
        + "\n";
  }
}
