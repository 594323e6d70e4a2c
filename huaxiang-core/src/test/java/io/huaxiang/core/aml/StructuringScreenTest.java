package io.huaxiang.core.aml;

import static io.huaxiang.core.aml.AmlFixtures.cashIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.lending.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructuringScreenTest {

  final AmlThresholds pboc = AmlThresholds.pboc2016();

  List<AmlFinding> scan(AmlTransaction... txs) {
    return AmlScreen.scan(List.of(txs), pboc);
  }

  @Test
  void threeCashDepositsJustUnderTheLineOnThreeDaysOpenACase() {
    AmlTransaction a = cashIn("c1", "2026-03-02T10:00", "49000.00");
    AmlTransaction b = cashIn("c1", "2026-03-03T10:00", "48500.00");
    AmlTransaction c = cashIn("c1", "2026-03-04T10:00", "45000.00");

    List<AmlFinding> findings = scan(a, b, c);

    assertThat(findings)
        .singleElement()
        .isInstanceOfSatisfying(
            SuspiciousActivityCase.class,
            k -> {
              assertThat(k.rule()).isEqualTo(AmlRuleCode.STRUCTURING);
              assertThat(k.avoidedRule()).isEqualTo(AmlRuleCode.LARGE_CASH);
              assertThat(k.transactionIds()).containsExactly(a.id(), b.id(), c.id());
              assertThat(k.total()).isEqualTo(Money.of("142500"));
              assertThat(k.windowStart()).isEqualTo(a.at());
              assertThat(k.windowEnd()).isEqualTo(c.at());
              assertThat(k.reason()).contains("疑似拆分交易").contains("3 transactions (in) from");
            });
  }

  @Test
  void amountsBelowNinetyPercentOfTheLineDoNotCount() {
    assertThat(
            scan(
                cashIn("c1", "2026-03-02T10:00", "44999.99"),
                cashIn("c1", "2026-03-03T10:00", "49000.00"),
                cashIn("c1", "2026-03-04T10:00", "49000.00")))
        .isEmpty();
  }

  @Test
  void nearMissesMoreThanAWeekApartDoNotCount() {
    assertThat(
            scan(
                cashIn("c1", "2026-03-01T10:00", "49000.00"),
                cashIn("c1", "2026-03-05T10:00", "49000.00"),
                cashIn("c1", "2026-03-08T10:01", "49000.00")))
        .isEmpty();
  }

  @Test
  void nearMissesOnOneDayAreBothALargeValueReportAndACase() {
    List<AmlFinding> findings =
        scan(
            cashIn("c1", "2026-03-02T09:00", "49000.00"),
            cashIn("c1", "2026-03-02T11:00", "49000.00"),
            cashIn("c1", "2026-03-02T13:00", "49000.00"));

    assertThat(findings).hasAtLeastOneElementOfType(AmlFlag.class);
    assertThat(findings).filteredOn(SuspiciousActivityCase.class::isInstance).hasSize(1);
  }

  @Test
  void onePatternOpensOneCaseAndCountingStartsAgain() {
    List<AmlFinding> findings =
        scan(
            cashIn("c1", "2026-03-02T10:00", "49000.00"),
            cashIn("c1", "2026-03-03T10:00", "49000.00"),
            cashIn("c1", "2026-03-04T10:00", "49000.00"),
            cashIn("c1", "2026-03-05T10:00", "49000.00"),
            cashIn("c1", "2026-03-06T10:00", "49000.00"),
            cashIn("c1", "2026-03-07T10:00", "49000.00"));

    assertThat(findings).hasSize(2).allMatch(SuspiciousActivityCase.class::isInstance);
  }
}
