package io.huaxiang.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.time.api.Dates;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

  @Test
  void parsesTheStandardsExampleWithCheckCharacterX() {
    ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X");

    assertThat(id.value()).isEqualTo("11010519491231002X");
    assertThat(id.regionCode()).isEqualTo("110105");
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    assertThat(id.gender()).isEqualTo(Gender.FEMALE);
  }

  @Test
  void normalisesLowerCaseXAndSurroundingSpaces() {
    assertThat(ResidentIdNumber.parse("  11010519491231002x ").value())
        .isEqualTo("11010519491231002X");
  }

  @Test
  void readsGenderFromThe17thDigit() {
    assertThat(ResidentIdNumber.parse("440524188001010014").gender()).isEqualTo(Gender.MALE);
    assertThat(ResidentIdNumber.parse("440305199512314523").gender()).isEqualTo(Gender.FEMALE);
  }

  @Test
  void rejectsAWrongCheckCharacterWithoutEchoingTheNumber() {
    assertThatThrownBy(() -> ResidentIdNumber.parse("110105194912310021"))
        .isInstanceOf(InvalidIdentifierException.class)
        .hasMessageStartingWith("ID_CHECKSUM: 身份证号校验位不正确")
        .hasMessageContaining("check for a typo")
        .hasMessageNotContaining("110105194912310021")
        .extracting(e -> ((InvalidIdentifierException) e).reason())
        .isEqualTo(IdentifierReason.ID_CHECKSUM);
  }

  @Test
  void rejectsABirthDateThatDoesNotExist() {
    // 1990-02-30 with a correct check character for those 17 digits
    String digits = "11010519900230123";
    String id = digits + independentCheck(digits);

    assertThatThrownBy(() -> ResidentIdNumber.parse(id))
        .isInstanceOf(InvalidIdentifierException.class)
        .hasMessageStartingWith("ID_BIRTH_DATE")
        .hasMessageContaining("19900230");
  }

  @Test
  void acceptsTheLeapDay() {
    assertThat(ResidentIdNumber.parse("110105200002290013").birthDate())
        .isEqualTo(LocalDate.of(2000, 2, 29));
  }

  @Test
  void rejectsAnUnknownProvinceCode() {
    String digits = "99010519900101123";
    assertThatThrownBy(() -> ResidentIdNumber.parse(digits + independentCheck(digits)))
        .hasMessageStartingWith("ID_REGION")
        .hasMessageContaining("99");
  }

  @Test
  void rejectsWrongLengthAndLettersAsFormat() {
    assertThatThrownBy(() -> ResidentIdNumber.parse("11010519491231002"))
        .hasMessageStartingWith("ID_FORMAT");
    assertThatThrownBy(() -> ResidentIdNumber.parse("1101051949123100AX"))
        .hasMessageStartingWith("ID_FORMAT");
    assertThatThrownBy(() -> ResidentIdNumber.parse(null)).hasMessageStartingWith("ID_MISSING");
    assertThatThrownBy(() -> ResidentIdNumber.parse(" ")).hasMessageStartingWith("ID_MISSING");
  }

  @Test
  void countsAgeInCompletedYears() {
    ResidentIdNumber id = ResidentIdNumber.parse("110101199003078769"); // born 1990-03-07

    assertThat(id.ageOn(LocalDate.of(2008, 3, 6))).isEqualTo(17);
    assertThat(id.ageOn(LocalDate.of(2008, 3, 7))).isEqualTo(18);
    assertThatThrownBy(() -> id.ageOn(LocalDate.of(1990, 3, 6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before the birth date");
  }

  @Test
  void leapDayBabiesAgeOnTheFirstOfMarch() {
    ResidentIdNumber id = ResidentIdNumber.parse("110105200002290013");

    assertThat(id.ageOn(LocalDate.of(2018, 2, 28))).isEqualTo(17);
    assertThat(id.ageOn(LocalDate.of(2018, 3, 1))).isEqualTo(18);
  }

  @Test
  void printsOnlyTheMaskedForm() {
    ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X");

    assertThat(id.toString()).isEqualTo("1****************X");
    assertThat("applicant " + id).doesNotContain("0105194912");
  }

  @Test
  void equalByValue() {
    assertThat(ResidentIdNumber.parse("11010519491231002x"))
        .isEqualTo(ResidentIdNumber.parse("11010519491231002X"))
        .hasSameHashCodeAs(ResidentIdNumber.parse("11010519491231002X"));
  }

  @Property
  void everyWellFormedNumberParsesAndKeepsItsParts(@ForAll("validIds") String id) {
    ResidentIdNumber parsed = ResidentIdNumber.parse(id);

    assertThat(parsed.value()).isEqualTo(id);
    assertThat(parsed.birthDate().toString().replace("-", "")).isEqualTo(id.substring(6, 14));
    assertThat(parsed.gender())
        .isEqualTo((id.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE);
  }

  @Property
  void anySingleDigitTypoIsCaught(
      @ForAll("validIds") String id,
      @ForAll("positions") int position,
      @ForAll("digits") char replacement) {
    char original = id.charAt(position);
    if (original == replacement) {
      return;
    }
    String typo = id.substring(0, position) + replacement + id.substring(position + 1);

    // MOD 11-2 detects every single substitution; other checks may fire first
    assertThat(ResidentIdNumber.isValid(typo)).isFalse();
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 16);
  }

  @Provide
  Arbitrary<Character> digits() {
    return Arbitraries.chars().range('0', '9');
  }

  @Provide
  Arbitrary<String> validIds() {
    Arbitrary<String> region =
        Arbitraries.of("110105", "310115", "440305", "510104", "650102", "810000")
            .injectDuplicates(0);
    Arbitrary<LocalDate> birth =
        Dates.dates().between(LocalDate.of(1930, 1, 1), LocalDate.of(2010, 12, 31));
    Arbitrary<Integer> seq = Arbitraries.integers().between(0, 999);
    return Combinators.combine(region, birth, seq)
        .as(
            (r, b, s) -> {
              String digits =
                  r
                      + b.toString().replace("-", "")
                      + String.format(java.util.Locale.ROOT, "%03d", s);
              return digits + independentCheck(digits);
            });
  }

  /** ISO 7064 MOD 11-2 in its textbook form, independent of the production weights table. */
  static char independentCheck(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int weight = (1 << (17 - i)) % 11;
      sum += (first17.charAt(i) - '0') * weight;
    }
    int check = (12 - sum % 11) % 11;
    return check == 10 ? 'X' : (char) ('0' + check);
  }
}
