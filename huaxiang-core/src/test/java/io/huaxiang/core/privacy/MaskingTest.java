package io.huaxiang.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void idNumberKeepsFirstAndLastCharacter() {
    assertThat(Masking.idNumber("110105194912310022")).isEqualTo("1****************2");
    assertThat(Masking.mask(MaskKind.ID_NUMBER, "11010519491231002X"))
        .isEqualTo("1****************X");
  }

  @Test
  void phoneKeepsThreeAndFour() {
    assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
  }

  @Test
  void bankCardKeepsBinAndLastFour() {
    assertThat(Masking.bankCard("6222021234567890")).isEqualTo("622202******7890");
    assertThat(Masking.bankCard("6222021234567890128")).isEqualTo("622202*********0128");
  }

  @Test
  void nameKeepsOnlyTheSurname() {
    assertThat(Masking.name("张三")).isEqualTo("张*");
    assertThat(Masking.name("张三丰")).isEqualTo("张**");
    assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧阳**");
    assertThat(Masking.name("司马光")).isEqualTo("司马*");
  }

  @Test
  void aTwoCharacterNameStartingLikeACompoundSurnameKeepsOneCharacter() {
    // 欧阳 alone would be surname + given name 阳 of surname 欧
    assertThat(Masking.name("欧阳")).isEqualTo("欧*");
  }

  @Test
  void rareCharactersOutsideTheBmpCountAsOne() {
    String rare = "\uD842\uDFB7"; // 𠮷, a surrogate pair
    assertThat(Masking.name(rare + "一")).isEqualTo(rare + "*");
    assertThat(Masking.name("王" + rare)).isEqualTo("王*");
  }

  @Test
  void latinNamesKeepFirstLetterAndSpaces() {
    assertThat(Masking.name("John Smith")).isEqualTo("J*** *****");
  }

  @Test
  void genericHidesShortValuesCompletely() {
    assertThat(Masking.generic("ab")).isEqualTo("**");
    assertThat(Masking.generic("abc")).isEqualTo("a*c");
    assertThat(Masking.mask(MaskKind.SECRET, "123456")).isEqualTo("******");
    assertThat(Masking.mask(MaskKind.SECRET, "a-much-longer-password")).isEqualTo("******");
    assertThat(Masking.mask(MaskKind.PHONE, null)).isNull();
  }

  @Property
  void maskingKeepsLengthAndTheEndsAndHidesTheMiddle(
      @ForAll @StringLength(min = 11, max = 19) @CharRange(from = '0', to = '9') String digits) {
    String masked = Masking.bankCard(digits);

    assertThat(masked).hasSameSizeAs(digits);
    assertThat(masked)
        .startsWith(digits.substring(0, 6))
        .endsWith(digits.substring(digits.length() - 4));
    assertThat(masked.substring(6, masked.length() - 4)).matches("\\**");
  }
}
