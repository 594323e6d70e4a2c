package io.huaxiang.core.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void keepsTwoDecimalsAndCountsFen() {
    assertThat(Money.of("10000")).hasToString("10000.00");
    assertThat(Money.ofFen(4_999_999)).isEqualTo(Money.of("49999.99"));
    assertThat(Money.of("0.01").fen()).isEqualTo(1);
  }

  @Test
  void refusesToDropFractionsOfAFenSilently() {
    assertThatThrownBy(() -> Money.of("1.005"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 2 decimal places");
  }

  @Test
  void multipliesWithHalfUpRounding() {
    assertThat(Money.of("10000").times(new BigDecimal("0.006"))).isEqualTo(Money.of("60.00"));
    assertThat(Money.of("0.50").times(new BigDecimal("0.01"))).isEqualTo(Money.of("0.01"));
    assertThat(Money.of("0.49").times(new BigDecimal("0.01"))).isEqualTo(Money.ZERO);
  }

  @Test
  void comparesByAmount() {
    assertThat(Money.of("5").max(Money.of("7"))).isEqualTo(Money.of("7"));
    assertThat(Money.of("5").min(Money.of("7"))).isEqualTo(Money.of("5"));
    assertThat(Money.ZERO.isZero()).isTrue();
    assertThatThrownBy(() -> Money.of("3").minus(Money.of("5")).requireNonNegative("balance"))
        .hasMessage("balance must not be negative: -2.00");
  }
}
