package io.huaxiang.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.core.privacy.CheckDigits;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class BankCardNumberTest {

  @Test
  void parsesA19DigitUnionPayNumberWithSpaces() {
    BankCardNumber card = BankCardNumber.parse("6222 0212 3456 7890 128");

    assertThat(card.value()).isEqualTo("6222021234567890128");
    assertThat(card.bin()).isEqualTo("622202");
    assertThat(card.lastFour()).isEqualTo("0128");
    assertThat(card).hasToString("622202*********0128");
  }

  @Test
  void parsesA16DigitNumber() {
    assertThat(BankCardNumber.parse("4111111111111111").value()).isEqualTo("4111111111111111");
  }

  @Test
  void rejectsALuhnFailureWithoutEchoingTheNumber() {
    assertThatThrownBy(() -> BankCardNumber.parse("6222021234567890127"))
        .isInstanceOf(InvalidIdentifierException.class)
        .hasMessageStartingWith("CARD_LUHN: 银行卡号校验失败")
        .hasMessageContaining("622202*********0127")
        .hasMessageNotContaining("6222021234567890127");
  }

  @Test
  void rejectsBadLengthAndCharacters() {
    assertThatThrownBy(() -> BankCardNumber.parse("411111111111"))
        .hasMessageStartingWith("CARD_LENGTH")
        .hasMessageContaining("got 12 digits");
    assertThatThrownBy(() -> BankCardNumber.parse("41111111111111111111"))
        .hasMessageStartingWith("CARD_LENGTH");
    assertThatThrownBy(() -> BankCardNumber.parse("4111-1111-1111-111a"))
        .hasMessageStartingWith("CARD_FORMAT");
    assertThatThrownBy(() -> BankCardNumber.parse(null)).hasMessageStartingWith("CARD_MISSING");
  }

  @Property
  void aNumberWithItsLuhnDigitParsesAndAnyOtherLastDigitFails(
      @ForAll @StringLength(min = 12, max = 18) @CharRange(from = '0', to = '9') String payload,
      @ForAll @IntRange(min = 1, max = 9) int shift) {
    char check = CheckDigits.luhnCheckDigit(payload);
    char wrong = (char) ('0' + (check - '0' + shift) % 10);

    assertThat(BankCardNumber.isValid(payload + check)).isTrue();
    assertThat(BankCardNumber.isValid(payload + wrong)).isFalse();
  }
}
