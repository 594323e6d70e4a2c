package io.huaxiang.core.aml;

import static io.huaxiang.core.aml.AmlFixtures.cashIn;
import static io.huaxiang.core.aml.AmlFixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.core.lending.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LargeValueScreenTest {

  final AmlThresholds pboc = AmlThresholds.pboc2016();

  List<AmlFlag> flags(AmlTransaction... txs) {
    return AmlScreen.scan(List.of(txs), pboc).stream()
        .filter(AmlFlag.class::isInstance)
        .map(AmlFlag.class::cast)
        .toList();
  }

  @Test
  void cashOneFenUnderTheThresholdIsNotReported() {
    assertThat(flags(cashIn("c1", "2026-03-02T10:00", "49999.99"))).isEmpty();
  }

  @Test
  void cashExactlyAtTheThresholdIsReported() {
    AmlTransaction t = cashIn("c1", "2026-03-02T10:00", "50000.00");

    List<AmlFlag> flags = flags(t);

    assertThat(flags)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(AmlRuleCode.LARGE_CASH);
              assertThat(f.day()).isEqualTo(LocalDate.of(2026, 3, 2));
              assertThat(f.dayTotal()).isEqualTo(Money.of("50000"));
              assertThat(f.transactionIds()).containsExactly(t.id());
              assertThat(f.continuation()).isFalse();
              assertThat(f.reason()).contains("大额现金交易").contains("at or above CNY 50000.00");
            });
  }

  @Test
  void cashAccumulatesWithinADayAndReportsAllContributingTransactions() {
    AmlTransaction a = cashIn("c1", "2026-03-02T09:00", "20000.00");
    AmlTransaction b = cashIn("c1", "2026-03-02T12:00", "29999.99");
    AmlTransaction c = cashIn("c1", "2026-03-02T15:00", "0.01");
    AmlTransaction d = cashIn("c1", "2026-03-02T18:00", "100.00");

    List<AmlFlag> flags = flags(d, c, b, a);

    assertThat(flags).hasSize(2);
    assertThat(flags.get(0).transactionIds()).containsExactly(a.id(), b.id(), c.id());
    assertThat(flags.get(0).dayTotal()).isEqualTo(Money.of("50000"));
    assertThat(flags.get(1).transactionIds()).containsExactly(d.id());
    assertThat(flags.get(1).continuation()).isTrue();
    assertThat(flags.get(1).dayTotal()).isEqualTo(Money.of("50100"));
  }

  @Test
  void theDayEndsAtMidnightInBeijingNotUtc() {
    // 23:30 and 00:30 Beijing are 15:30 and 16:30 UTC on the same UTC day
    assertThat(
            flags(
                cashIn("c1", "2026-03-02T23:30", "30000.00"),
                cashIn("c1", "2026-03-03T00:30", "30000.00")))
        .isEmpty();
    // 07:00 and 09:00 Beijing are on different UTC days (23:00 and 01:00 UTC) but one Beijing day
    assertThat(
            flags(
                cashIn("c2", "2026-03-03T07:00", "30000.00"),
                cashIn("c2", "2026-03-03T09:00", "30000.00")))
        .singleElement()
        .extracting(AmlFlag::day)
        .isEqualTo(LocalDate.of(2026, 3, 3));
  }

  @Test
  void receiptsAndPaymentsAreTotalledSeparately() {
    assertThat(
            flags(
                cashIn("c1", "2026-03-02T09:00", "30000.00"),
                tx(
                    "c1",
                    CustomerType.INDIVIDUAL,
                    "2026-03-02T10:00",
                    "30000.00",
                    TransactionKind.CASH,
                    Direction.OUT)))
        .isEmpty();
  }

  @Test
  void customersAreTotalledSeparately() {
    assertThat(
            flags(
                cashIn("c1", "2026-03-02T09:00", "30000.00"),
                cashIn("c2", "2026-03-02T10:00", "30000.00")))
        .isEmpty();
  }

  @Test
  void individualCrossBorderTransfersAreReportedFrom200Thousand() {
    assertThat(
            flags(
                tx(
                    "c1",
                    CustomerType.INDIVIDUAL,
                    "2026-03-02T09:00",
                    "199999.99",
                    TransactionKind.CROSS_BORDER_TRANSFER,
                    Direction.OUT)))
        .isEmpty();
    assertThat(
            flags(
                tx(
                    "c1",
                    CustomerType.INDIVIDUAL,
                    "2026-03-02T09:00",
                    "200000.00",
                    TransactionKind.CROSS_BORDER_TRANSFER,
                    Direction.OUT)))
        .singleElement()
        .extracting(AmlFlag::rule)
        .isEqualTo(AmlRuleCode.LARGE_INDIVIDUAL_CROSS_BORDER_TRANSFER);
  }

  @Test
  void domesticAndEntityTransfersHaveHigherLines() {
    assertThat(
            flags(
                tx(
                    "c1",
                    CustomerType.INDIVIDUAL,
                    "2026-03-02T09:00",
                    "499999.99",
                    TransactionKind.DOMESTIC_TRANSFER,
                    Direction.IN)))
        .isEmpty();
    assertThat(
            flags(
                tx(
                    "c1",
                    CustomerType.INDIVIDUAL,
                    "2026-03-02T09:00",
                    "500000.00",
                    TransactionKind.DOMESTIC_TRANSFER,
                    Direction.IN)))
        .singleElement()
        .extracting(AmlFlag::rule)
        .isEqualTo(AmlRuleCode.LARGE_INDIVIDUAL_DOMESTIC_TRANSFER);
    // an entity's cross-border and domestic transfers count together towards 2,000,000
    assertThat(
            flags(
                tx(
                    "e1",
                    CustomerType.ENTITY,
                    "2026-03-02T09:00",
                    "1500000.00",
                    TransactionKind.DOMESTIC_TRANSFER,
                    Direction.OUT),
                tx(
                    "e1",
                    CustomerType.ENTITY,
                    "2026-03-02T11:00",
                    "499999.99",
                    TransactionKind.CROSS_BORDER_TRANSFER,
                    Direction.OUT)))
        .isEmpty();
    assertThat(
            flags(
                tx(
                    "e2",
                    CustomerType.ENTITY,
                    "2026-03-02T09:00",
                    "1500000.00",
                    TransactionKind.DOMESTIC_TRANSFER,
                    Direction.OUT),
                tx(
                    "e2",
                    CustomerType.ENTITY,
                    "2026-03-02T11:00",
                    "500000.00",
                    TransactionKind.CROSS_BORDER_TRANSFER,
                    Direction.OUT)))
        .singleElement()
        .extracting(AmlFlag::rule)
        .isEqualTo(AmlRuleCode.LARGE_ENTITY_TRANSFER);
  }

  @Test
  void theStateKeepsYesterdayForLateArrivalsAndRefusesOlder() {
    CustomerAmlState s = CustomerAmlState.empty("c1", pboc);
    s = s.accept(cashIn("c1", "2026-03-02T20:00", "30000.00")).state();
    s = s.accept(cashIn("c1", "2026-03-03T08:00", "10.00")).state();

    CustomerAmlState.Step late = s.accept(cashIn("c1", "2026-03-02T21:00", "20000.00"));

    assertThat(late.findings()).singleElement().isInstanceOf(AmlFlag.class);
    assertThat(
            late.state().dayTotal(AmlRuleCode.LARGE_CASH, LocalDate.of(2026, 3, 2), Direction.IN))
        .isEqualTo(Money.of("50000"));
    CustomerAmlState moved = late.state().accept(cashIn("c1", "2026-03-05T08:00", "10.00")).state();
    assertThatThrownBy(() -> moved.accept(cashIn("c1", "2026-03-03T09:00", "10.00")))
        .isInstanceOf(LateTransactionException.class)
        .hasMessageContaining("is for 2026-03-03 but totals are kept only from 2026-03-04");
  }

  @Test
  void theStateRefusesAnotherCustomersTransaction() {
    assertThatThrownBy(
            () ->
                CustomerAmlState.empty("c1", pboc).accept(cashIn("c2", "2026-03-02T10:00", "1.00")))
        .hasMessageContaining("belongs to customer c2, not c1");
  }

  @Test
  void transactionsMustHaveAPositiveAmount() {
    assertThatThrownBy(() -> cashIn("c1", "2026-03-02T10:00", "0.00"))
        .hasMessageContaining("amount must be positive");
  }
}
