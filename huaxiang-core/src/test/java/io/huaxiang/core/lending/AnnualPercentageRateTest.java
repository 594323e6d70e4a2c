package io.huaxiang.core.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AnnualPercentageRateTest {

  @Test
  void goldenExampleAMonthlyFeeOfSixTenthsOfAPercentIsAnAprOf13Point03NotSevenPoint2() {
    RepaymentSchedule s = RepaymentSchedule.flatFee(Money.of("10000"), 12, Rate.ofPercent("0.6"));

    AnnualPercentageRate apr = AnnualPercentageRate.irr(s.cashflows(Money.ZERO));

    assertThat(apr.nominalPercent()).isEqualByComparingTo("13.03");
    assertThat(apr.effectivePercent()).isEqualByComparingTo("13.84");
    assertThat(apr.nominalPercent()).isNotEqualByComparingTo("7.20");
    assertThat(apr).hasToString("APR 13.03% (effective 13.84%)");
  }

  @Test
  void oneMonthAtOnePercentIsTwelvePercentNominal() {
    AnnualPercentageRate apr =
        AnnualPercentageRate.irrMonthly(Money.of("10000"), List.of(Money.of("10100")));

    assertThat(apr.periodic().doubleValue())
        .isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(apr.nominalPercent()).isEqualByComparingTo("12.00");
    // 1.01^12 - 1
    assertThat(apr.effectivePercent()).isEqualByComparingTo("12.68");
  }

  @Test
  void aFeeTakenFromTheDisbursementRaisesTheApr() {
    RepaymentSchedule s =
        RepaymentSchedule.equalInstalment(Money.of("10000"), 12, Rate.ofPercent("10"));

    AnnualPercentageRate clean = AnnualPercentageRate.irr(s.cashflows(Money.ZERO));
    AnnualPercentageRate withUpfront = AnnualPercentageRate.irr(s.cashflows(Money.of("500")));

    assertThat(clean.nominalPercent()).isEqualByComparingTo("10.00");
    assertThat(withUpfront.nominal()).isGreaterThan(new BigDecimal("0.19"));
  }

  @Test
  void aLoanRepaidWithLessThanWasLentHasANegativeRate() {
    AnnualPercentageRate apr =
        AnnualPercentageRate.irrMonthly(Money.of("100"), List.of(Money.of("99")));

    assertThat(apr.periodic()).isNegative();
  }

  @Test
  void rejectsCashflowsWithoutARate() {
    assertThatThrownBy(() -> Cashflows.monthly(Money.ZERO, List.of(Money.of("1"))))
        .hasMessageContaining("the amount received must be positive");
    assertThatThrownBy(() -> Cashflows.monthly(Money.of("1"), List.of(Money.ZERO)))
        .hasMessage("at least one payment must be positive");
    assertThatThrownBy(() -> Cashflows.monthly(Money.of("1"), List.of(Money.of("-1"))))
        .hasMessage("payments must not be negative");
  }

  @Property(tries = 300)
  void theRateDiscountsThePaymentsBackToTheAmountReceived(
      @ForAll @LongRange(min = 100_00, max = 10_000_000) long advancedFen,
      @ForAll @Size(min = 1, max = 36)
          List<@LongRange(min = 0, max = 5_000_000) Long> paymentsFen) {
    if (paymentsFen.stream().allMatch(p -> p == 0)) {
      return;
    }
    List<Money> payments = paymentsFen.stream().map(Money::ofFen).toList();

    AnnualPercentageRate apr = AnnualPercentageRate.irrMonthly(Money.ofFen(advancedFen), payments);

    double r = apr.periodic().doubleValue();
    double pv = 0;
    for (int k = 0; k < payments.size(); k++) {
      pv += payments.get(k).toDouble() / Math.pow(1 + r, k + 1);
    }
    assertThat(pv)
        .isCloseTo(advancedFen / 100.0, org.assertj.core.data.Offset.offset(0.01 + pv * 1e-9));
  }

  @Property(tries = 200)
  void chargingMoreNeverLowersTheApr(
      @ForAll @IntRange(min = 1, max = 36) int months,
      @ForAll @IntRange(min = 0, max = 200) int feeBasisPoints,
      @ForAll @IntRange(min = 1, max = 50) int extraBasisPoints) {
    Money principal = Money.of("10000");
    Rate fee = new Rate(BigDecimal.valueOf(feeBasisPoints, 4));
    Rate higher = new Rate(BigDecimal.valueOf(feeBasisPoints + extraBasisPoints, 4));

    AnnualPercentageRate base =
        AnnualPercentageRate.irr(
            RepaymentSchedule.flatFee(principal, months, fee).cashflows(Money.ZERO));
    AnnualPercentageRate more =
        AnnualPercentageRate.irr(
            RepaymentSchedule.flatFee(principal, months, higher).cashflows(Money.ZERO));

    assertThat(more.nominal()).isGreaterThan(base.nominal());
  }

  @Test
  void paymentOrderMattersEarlierRepaymentMeansAHigherRate() {
    List<Money> backLoaded = new ArrayList<>(Collections.nCopies(11, Money.ZERO));
    backLoaded.add(Money.of("1100"));
    List<Money> frontLoaded = new ArrayList<>(List.of(Money.of("1100")));
    frontLoaded.addAll(Collections.nCopies(11, Money.ZERO));

    assertThat(AnnualPercentageRate.irrMonthly(Money.of("1000"), frontLoaded).nominal())
        .isGreaterThan(AnnualPercentageRate.irrMonthly(Money.of("1000"), backLoaded).nominal());
  }
}
