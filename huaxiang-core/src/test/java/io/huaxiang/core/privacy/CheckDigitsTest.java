package io.huaxiang.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CheckDigitsTest {

  @Test
  void residentIdCheckMatchesPublishedExamples() {
    assertThat(CheckDigits.residentIdCheck("11010519491231002")).isEqualTo('X');
    assertThat(CheckDigits.residentIdCheck("44052418800101001")).isEqualTo('4');
    assertThat(CheckDigits.residentIdValid("11010519491231002x")).isTrue();
    assertThat(CheckDigits.residentIdValid("110105194912310021")).isFalse();
    assertThat(CheckDigits.residentIdValid("1101051949123100")).isFalse();
  }

  @Test
  void residentIdCheckRejectsNonDigitsClearly() {
    assertThatThrownBy(() -> CheckDigits.residentIdCheck("1101051949123100A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'A' at 16");
  }

  @Test
  void luhnAcceptsKnownTestNumbers() {
    assertThat(CheckDigits.luhnValid("4111111111111111")).isTrue();
    assertThat(CheckDigits.luhnValid("79927398713")).isTrue();
    assertThat(CheckDigits.luhnValid("79927398710")).isFalse();
    assertThat(CheckDigits.luhnValid("")).isFalse();
    assertThat(CheckDigits.luhnValid("4111 1111")).isFalse();
  }

  @Property
  void luhnCatchesEveryAdjacentSwapOfDifferentDigitsExcept09(
      @ForAll @StringLength(min = 12, max = 18) @CharRange(from = '0', to = '9') String payload) {
    String valid = payload + CheckDigits.luhnCheckDigit(payload);
    for (int i = 0; i + 1 < valid.length(); i++) {
      char a = valid.charAt(i);
      char b = valid.charAt(i + 1);
      boolean blindSpot = (a == '0' && b == '9') || (a == '9' && b == '0');
      if (a == b || blindSpot) {
        continue;
      }
      String swapped = valid.substring(0, i) + b + a + valid.substring(i + 2);
      assertThat(CheckDigits.luhnValid(swapped)).as("swap at %d of %s", i, valid).isFalse();
    }
  }
}
