package io.huaxiang.core.decision;

import static io.huaxiang.core.decision.Fixtures.HASH;
import static io.huaxiang.core.decision.Fixtures.NOW;
import static io.huaxiang.core.decision.Fixtures.POLICY;
import static io.huaxiang.core.decision.Fixtures.PRODUCTS;
import static io.huaxiang.core.decision.Fixtures.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ApplicationIntakeTest {
  private final ApplicationIntake intake = new ApplicationIntake(PRODUCTS, HASH, POLICY);

  private InvalidApplicationException refused(ApplicationForm f) {
    try {
      intake.accept(f, NOW);
    } catch (InvalidApplicationException e) {
      return e;
    }
    throw new AssertionError("accepted");
  }

  private static ApplicationForm withId(String id) {
    ApplicationForm f = form("r", "u", new BigDecimal("5000"), 6);
    return new ApplicationForm(
        f.requestId(),
        f.userId(),
        f.product(),
        f.amount(),
        f.termMonths(),
        f.purpose(),
        f.monthlyIncome(),
        id,
        f.phone(),
        f.bankCard(),
        f.deviceId(),
        f.ip(),
        f.city(),
        f.channel());
  }

  @Test
  void acceptsAValidApplicationAndKeepsOnlyHashesAndMasks() {
    LoanApplication a = intake.accept(form("r-1", "u-1", new BigDecimal("5000"), 6), NOW);
    assertThat(a.age()).isEqualTo(32);
    assertThat(a.hash(IdentifierKind.ID)).hasSize(64);
    assertThat(a.masked().get(IdentifierKind.PHONE)).isEqualTo("138****5678");
    assertThat(a.toString()).doesNotContain("13812345678").doesNotContain("6222021234567890128");
  }

  @Test
  void refusesABadChecksumUnderAgeAndBadCards() {
    String good = Fixtures.idNumber(LocalDate.of(1994, 5, 17), 123);
    char wrong = good.charAt(17) == '1' ? '2' : '1';
    assertThat(refused(withId(good.substring(0, 17) + wrong)).reason()).isEqualTo("ID_CHECKSUM");
    InvalidApplicationException young =
        refused(withId(Fixtures.idNumber(LocalDate.of(2010, 1, 1), 1)));
    assertThat(young.reason()).isEqualTo("UNDER_AGE");
    assertThat(young.policy()).isTrue();
    ApplicationForm f = form("r", "u", new BigDecimal("5000"), 6);
    ApplicationForm card =
        new ApplicationForm(
            f.requestId(),
            f.userId(),
            f.product(),
            f.amount(),
            f.termMonths(),
            f.purpose(),
            f.monthlyIncome(),
            f.idNumber(),
            f.phone(),
            "6222021234567890123",
            null,
            null,
            null,
            null);
    assertThat(refused(card).reason()).isEqualTo("CARD_LUHN");
  }

  @Test
  void refusesAmountsAndTermsTheProductDoesNotOffer() {
    assertThat(refused(form("r", "u", BigDecimal.ZERO, 6)).reason())
        .isEqualTo("AMOUNT_NOT_POSITIVE");
    assertThat(refused(form("r", "u", new BigDecimal("-1"), 6)).reason())
        .isEqualTo("AMOUNT_NOT_POSITIVE");
    assertThat(refused(form("r", "u", new BigDecimal("50000.01"), 6)).reason())
        .isEqualTo("AMOUNT_OUT_OF_RANGE");
    assertThat(refused(form("r", "u", new BigDecimal("5000"), 7)).reason())
        .isEqualTo("TERM_NOT_OFFERED");
    ApplicationForm f = form("r", "u", new BigDecimal("5000"), 6);
    ApplicationForm yacht =
        new ApplicationForm(
            f.requestId(),
            f.userId(),
            "yacht",
            f.amount(),
            f.termMonths(),
            f.purpose(),
            f.monthlyIncome(),
            f.idNumber(),
            f.phone(),
            null,
            null,
            null,
            null,
            null);
    assertThat(refused(yacht).reason()).isEqualTo("UNKNOWN_PRODUCT");
    assertThat(refused(form(null, "u", new BigDecimal("5000"), 6)).field()).isEqualTo("request_id");
  }
}
