package io.huaxiang.core.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RateTableTest {

  final RateTable lpr = LprHistory.oneYear();

  @Test
  void eachRateHoldsFromItsDateUntilTheNext() {
    assertThat(lpr.rateOn(LocalDate.of(2023, 8, 20))).contains(Rate.ofPercent("3.55"));
    assertThat(lpr.rateOn(LocalDate.of(2023, 8, 21))).contains(Rate.ofPercent("3.45"));
    assertThat(lpr.rateOn(LocalDate.of(2026, 1, 1))).contains(Rate.ofPercent("3.00"));
  }

  @Test
  void hasNoRateBeforeTheFirstEntry() {
    assertThat(lpr.rateOn(LocalDate.of(2019, 8, 19))).isEmpty();
  }

  @Test
  void canBeExtendedWithNewerPublications() {
    RateTable newer = lpr.with(LocalDate.of(2030, 1, 20), Rate.ofPercent("2.50"));

    assertThat(newer.rateOn(LocalDate.of(2030, 2, 1))).contains(Rate.ofPercent("2.50"));
    assertThat(newer.rateOn(LocalDate.of(2029, 12, 31))).contains(Rate.ofPercent("3.00"));
  }

  @Test
  void parseNamesTheBadLine() {
    assertThatThrownBy(
            () -> RateTable.parse("1Y LPR", "# header\n2019-08-20,4.25\n2019-09-31,4.20"))
        .hasMessage("1Y LPR line 3: expected 'yyyy-MM-dd,percent', got '2019-09-31,4.20'");
    assertThatThrownBy(() -> RateTable.parse("x", "2020-01-01,1\n2020-01-01,2"))
        .hasMessage("x has two entries for 2020-01-01");
  }
}
