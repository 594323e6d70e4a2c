package io.huaxiang.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "13812345678",
        "+8613812345678",
        "0086 138 1234 5678",
        "138-1234-5678",
        "8613812345678"
      })
  void acceptsCommonWritingsOfTheSameNumber(String written) {
    assertThat(PhoneNumber.parse(written).value()).isEqualTo("13812345678");
  }

  @Test
  void rejectsNumbersThatAreNotMobile() {
    assertThatThrownBy(() -> PhoneNumber.parse("12812345678"))
        .isInstanceOf(InvalidIdentifierException.class)
        .hasMessageStartingWith(
            "PHONE_PREFIX: 手机号应以13–19开头 / mobile number must start with 13 to 19");
    assertThatThrownBy(() -> PhoneNumber.parse("02112345678"))
        .hasMessageStartingWith("PHONE_PREFIX");
  }

  @Test
  void rejectsWrongLength() {
    assertThatThrownBy(() -> PhoneNumber.parse("1381234567"))
        .hasMessageStartingWith("PHONE_FORMAT")
        .hasMessageContaining("got 10 characters");
    assertThatThrownBy(() -> PhoneNumber.parse("138123456789"))
        .hasMessageStartingWith("PHONE_FORMAT");
    assertThatThrownBy(() -> PhoneNumber.parse("")).hasMessageStartingWith("PHONE_MISSING");
  }

  @Test
  void printsOnlyTheMaskedForm() {
    assertThat(PhoneNumber.parse("13812345678")).hasToString("138****5678");
  }

  @Property
  void everyMobileNumberRoundTrips(
      @ForAll @IntRange(min = 3, max = 9) int second,
      @ForAll @StringLength(9) @CharRange(from = '0', to = '9') String rest) {
    String number = "1" + second + rest;

    PhoneNumber parsed = PhoneNumber.parse("+86 " + number);

    assertThat(parsed.value()).isEqualTo(number);
    assertThat(parsed.toString()).isEqualTo(number.substring(0, 3) + "****" + number.substring(7));
  }
}
