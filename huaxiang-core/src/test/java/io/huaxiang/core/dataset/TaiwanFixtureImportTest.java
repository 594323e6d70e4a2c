package io.huaxiang.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Imports the committed 48-row sample of the UCI file (first 25 rows plus edge cases: 8 months
 * late, late with nothing paid, negative bills, undocumented codes, limits written as 5.00E+05) and
 * checks every portrait against the CSV, so the mapping is tested with only the repository.
 */
class TaiwanFixtureImportTest {
  static final String FIXTURE = "/taiwan/UCI_Credit_Card_sample.csv";

  @Test
  void everyPortraitMatchesTheValuesComputedFromTheCsvColumns() throws IOException {
    TaiwanImportCheck check = new TaiwanImportCheck();
    check.importAll(open());
    List<String> rows = dataLines();

    SoftAssertions softly = new SoftAssertions();
    for (String row : rows) {
      check.assertMatches(TaiwanPortraitExpectation.fromCsv(row, TaiwanImportCheck.AS_OF), softly);
    }
    softly.assertAll();
    assertThat(check.portraits()).isEqualTo(rows.size()).isEqualTo(48);
  }

  @Test
  void theFixtureCoversTheEdgeCasesOfTheMapping() throws IOException {
    List<TaiwanPortraitExpectation> all =
        dataLines().stream()
            .map(l -> TaiwanPortraitExpectation.fromCsv(l, TaiwanImportCheck.AS_OF))
            .toList();
    LocalDate asOf = TaiwanImportCheck.AS_OF;
    assertThat(all).anyMatch(e -> e.maxDpd() >= 250);
    assertThat(all).anyMatch(e -> e.currentDpd() > 60);
    assertThat(all).anyMatch(e -> e.repayments() == 0);
    assertThat(all).anyMatch(e -> e.outstanding() == 0);
    assertThat(all).anyMatch(e -> e.education().equals("unknown"));
    assertThat(all).anyMatch(e -> e.maritalStatus().equals("unknown"));
    assertThat(asOf).isEqualTo(LocalDate.of(2005, 10, 1));
  }

  static BufferedReader open() {
    return new BufferedReader(
        new InputStreamReader(
            TaiwanFixtureImportTest.class.getResourceAsStream(FIXTURE), StandardCharsets.UTF_8));
  }

  static List<String> dataLines() throws IOException {
    try (BufferedReader r = open()) {
      return r.lines().skip(1).filter(l -> !l.isBlank()).toList();
    }
  }
}
