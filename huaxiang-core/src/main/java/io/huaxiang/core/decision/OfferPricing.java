package io.huaxiang.core.decision;

import io.huaxiang.core.lending.Money;
import io.huaxiang.core.lending.Rate;
import io.huaxiang.core.lending.RepaymentSchedule;
import io.huaxiang.core.lending.TotalCostDisclosure;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Prices a product at an amount, term and contract rate, with the product's fees. */
final class OfferPricing {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private OfferPricing() {}

  /** The full disclosure: schedule, fees, IRR-based APR. */
  static TotalCostDisclosure disclose(
      Product p, BigDecimal amount, int months, BigDecimal ratePercent) {
    Money principal = Money.rounded(amount);
    Rate rate = Rate.ofPercent(ratePercent);
    RepaymentSchedule schedule =
        switch (p.repayment()) {
          case EQUAL_INSTALMENT -> RepaymentSchedule.equalInstalment(principal, months, rate);
          case EQUAL_PRINCIPAL -> RepaymentSchedule.equalPrincipal(principal, months, rate);
          case BULLET -> RepaymentSchedule.bullet(principal, months, rate);
          // the flat-fee product is priced by its monthly fee: the annual rate / 12 per month
          case FLAT_FEE ->
              RepaymentSchedule.flatFee(
                  principal,
                  months,
                  Rate.ofPercent(
                      ratePercent.divide(BigDecimal.valueOf(12), 10, RoundingMode.HALF_UP)));
        };
    if (p.monthlyFeePercent().signum() > 0) {
      schedule = schedule.withMonthlyFee(principal.times(fraction(p.monthlyFeePercent())));
    }
    Money upfront =
        p.upfrontFeePercent().signum() > 0
            ? principal.times(fraction(p.upfrontFeePercent()))
            : Money.ZERO;
    return TotalCostDisclosure.of(schedule, upfront);
  }

  static PricedTerm price(Product p, BigDecimal amount, int months, BigDecimal ratePercent) {
    return summary(disclose(p, amount, months, ratePercent), ratePercent);
  }

  static PricedTerm summary(TotalCostDisclosure d, BigDecimal ratePercent) {
    return new PricedTerm(
        d.schedule().months(),
        ratePercent,
        d.apr().nominalPercent(),
        d.apr().effectivePercent(),
        d.schedule().instalments().get(0).total().amount(),
        d.totalInterest().amount(),
        d.totalFees().amount(),
        d.totalCost().amount(),
        d.totalRepayment().amount(),
        d.amountReceived().amount());
  }

  private static BigDecimal fraction(BigDecimal percent) {
    return percent.divide(HUNDRED, 10, RoundingMode.HALF_UP);
  }
}
