package io.huaxiang.core.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AprCapTest {

  final RateTable lpr = LprHistory.oneYear();

  @Test
  void licensedLendersAreHeldTo24Percent() {
    AprCap.Limit limit = AprCap.licensedLender().capOn(LocalDate.of(2024, 3, 1));

    assertThat(limit.rate()).isEqualTo(Rate.ofPercent("24"));
    assertThat(limit.binding().zh()).contains("24%");
  }

  @Test
  void privateLendingSwitchedFrom24PercentToFourTimesLprOn20August2020() {
    AprCap cap = AprCap.privateLending(lpr);

    assertThat(cap.capOn(LocalDate.of(2020, 8, 19)).rate()).isEqualTo(Rate.ofPercent("24"));
    // 4 x 3.85 %
    assertThat(cap.capOn(LocalDate.of(2020, 8, 20)).rate().percent()).isEqualByComparingTo("15.40");
    // 4 x 3.45 %
    assertThat(cap.capOn(LocalDate.of(2024, 1, 15)).rate().percent()).isEqualByComparingTo("13.80");
    assertThat(cap.capOn(LocalDate.of(2024, 1, 15)).binding())
        .isInstanceOf(AprCap.LprMultiple.class);
  }

  @Test
  void theStrictestCapIsTheLowerLine() {
    AprCap cap = AprCap.strictest(lpr);

    assertThat(cap.capOn(LocalDate.of(2025, 6, 1)).rate().percent()).isEqualByComparingTo("12.00");
  }

  @Test
  void theGoldenFlatFeeOfferIsWithin24PercentButAboveFourTimesLprIn2025() {
    AnnualPercentageRate apr =
        AnnualPercentageRate.irr(
            RepaymentSchedule.flatFee(Money.of("10000"), 12, Rate.ofPercent("0.6"))
                .cashflows(Money.ZERO));
    LocalDate signed = LocalDate.of(2025, 6, 1);

    AprCap.Check licensed = AprCap.licensedLender().check(apr, signed);
    AprCap.Check strict = AprCap.strictest(lpr).check(apr, signed);

    assertThat(licensed.within()).isTrue();
    assertThat(strict.within()).isFalse();
    assertThat(strict.explain())
        .contains("年化利率 13.03% 超过上限 12.00%")
        .contains("APR 13.03% exceeds the cap of 12.00%")
        .contains("LPR");
  }

  @Test
  void anAprExactlyAtTheCapIsWithinIt() {
    // one month at 2 % = 24.00 % nominal
    AnnualPercentageRate apr =
        AnnualPercentageRate.irrMonthly(Money.of("10000"), java.util.List.of(Money.of("10200")));

    assertThat(AprCap.licensedLender().check(apr, LocalDate.of(2024, 1, 1)).within()).isTrue();
  }

  @Test
  void saysSoWhenNoRuleCoversTheDate() {
    assertThatThrownBy(() -> AprCap.licensedLender().capOn(LocalDate.of(2016, 1, 1)))
        .hasMessage("no licensed lender APR cap rule is in force on 2016-01-01");
  }
}
