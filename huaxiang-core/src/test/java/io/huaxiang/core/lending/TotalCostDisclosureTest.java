package io.huaxiang.core.lending;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TotalCostDisclosureTest {

  final RepaymentSchedule flatFee =
      RepaymentSchedule.flatFee(Money.of("10000"), 12, Rate.ofPercent("0.6"));

  @Test
  void addsUpEveryCostOfTheGoldenOffer() {
    TotalCostDisclosure d = TotalCostDisclosure.of(flatFee);

    assertThat(d.totalInterest()).isEqualTo(Money.ZERO);
    assertThat(d.totalFees()).isEqualTo(Money.of("720"));
    assertThat(d.totalCost()).isEqualTo(Money.of("720"));
    assertThat(d.totalRepayment()).isEqualTo(Money.of("10720"));
    assertThat(d.apr().nominalPercent()).isEqualByComparingTo("13.03");
  }

  @Test
  void statesTheTrueAprInBothLanguagesWithTheTable() {
    TotalCostDisclosure d = TotalCostDisclosure.of(flatFee);

    assertThat(d.zh())
        .contains("借款本金 10000.00 元")
        .contains("等额本金·按月收取固定费用")
        .contains("费用合计 720.00 元")
        .contains("内部收益率法")
        .contains("13.03%")
        .contains("13.84%")
        .contains("1 | 833.33 | 0.00 | 60.00 | 893.33 | 9166.67")
        .contains("12 | 833.37 | 0.00 | 60.00 | 893.37 | 0.00");
    assertThat(d.en())
        .contains("APR (internal rate of return, all interest and fees included")
        .contains("13.03%")
        .contains("total cost of credit CNY 720.00");
    assertThat(d.zh().lines().filter(l -> l.matches("\\d+ \\|.*"))).hasSize(12);
  }

  @Test
  void aFeeDeductedAtDisbursementIsDisclosedAndCounted() {
    RepaymentSchedule s =
        RepaymentSchedule.equalInstalment(Money.of("10000"), 12, Rate.ofPercent("10"));

    TotalCostDisclosure d = TotalCostDisclosure.of(s, Money.of("500"));

    assertThat(d.amountReceived()).isEqualTo(Money.of("9500"));
    assertThat(d.totalFees()).isEqualTo(Money.of("500"));
    assertThat(d.totalCost()).isEqualTo(d.totalInterest().plus(Money.of("500")));
    assertThat(d.zh()).contains("放款时扣除费用 500.00 元，实际到手 9500.00 元");
    assertThat(d.en()).contains("so you receive CNY 9500.00");
    assertThat(d.apr().nominal()).isGreaterThan(TotalCostDisclosure.of(s).apr().nominal());
  }

  @Test
  void aBulletLoansSimpleInterestIsALittleLessAsAnIrr() {
    RepaymentSchedule s = RepaymentSchedule.bullet(Money.of("10000"), 6, Rate.ofPercent("6"));

    TotalCostDisclosure d = TotalCostDisclosure.of(s);

    // 300 after 6 months: monthly IRR = 1.03^(1/6) - 1, x 12 = 5.93 %
    assertThat(d.apr().nominalPercent()).isEqualByComparingTo("5.93");
    assertThat(d.apr().effectivePercent()).isEqualByComparingTo("6.09");
    assertThat(d.zh()).contains("期限 6 个月，还款方式：到期一次还本付息");
    assertThat(d.en()).contains("for 6 months, repaid by bullet (all at maturity)");
  }
}
