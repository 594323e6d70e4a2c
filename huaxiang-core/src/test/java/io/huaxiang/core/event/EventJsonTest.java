package io.huaxiang.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.core.event.json.EventJson;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class EventJsonTest {
  private final EventJson json = new EventJson();

  private static final String APPLIED =
      """
      {"type":"loan_applied","id":"e1","user_id":"u1","occurred_at":"2026-03-01T10:00:00+08:00",
       "source":"app","application_id":"a1","amount":3000.50,"term_months":6,"purpose":"consumption"}
      """;

  @Test
  void readsAndWritesTheWireFormat() {
    UserEvent event = json.read(APPLIED);

    assertThat(event).isInstanceOf(LoanApplied.class);
    LoanApplied applied = (LoanApplied) event;
    assertThat(applied.amount().amount()).isEqualByComparingTo("3000.50");
    assertThat(applied.purpose()).isEqualTo(LoanPurpose.CONSUMPTION);
    assertThat(json.read(json.write(event))).isEqualTo(event);
    assertThat(json.write(event)).contains("\"type\":\"loan_applied\"", "\"user_id\":\"u1\"");
  }

  @Test
  void acceptsAmountsSentAsDecimalStrings() {
    LoanApplied applied = (LoanApplied) json.read(APPLIED.replace("3000.50", "\"3000.50\""));
    assertThat(applied.amount().amount()).isEqualByComparingTo("3000.50");
  }

  @Test
  void refusesMalformedJsonWithItsPosition() {
    rejects(() -> json.read("{\"type\": \"session\", "), RejectReason.MALFORMED_JSON, null)
        .hasMessageContaining("line 1");
  }

  @Test
  void refusesUnknownEventTypesListingTheKnownOnes() {
    rejects(
            () -> json.read(APPLIED.replace("loan_applied", "loan_wished")),
            RejectReason.UNKNOWN_EVENT_TYPE,
            "type")
        .hasMessageContaining("loan_wished")
        .hasMessageContaining("repayment_made");
  }

  @Test
  void refusesAMissingUserId() {
    rejects(
            () -> json.read(APPLIED.replace("\"user_id\":\"u1\",", "")),
            RejectReason.MISSING_FIELD,
            "user_id")
        .hasMessage("field 'user_id' is required");
  }

  @Test
  void refusesNegativeAmounts() {
    rejects(
        () -> json.read(APPLIED.replace("3000.50", "-5")), RejectReason.NEGATIVE_AMOUNT, "amount");
  }

  @Test
  void refusesWrongTypesNamingTheField() {
    rejects(
            () -> json.read(APPLIED.replace("\"term_months\":6", "\"term_months\":\"six\"")),
            RejectReason.WRONG_TYPE,
            "term_months")
        .hasMessageContaining("a number");
    rejects(
            () -> json.read(APPLIED.replace("2026-03-01T10:00:00+08:00", "yesterday")),
            RejectReason.WRONG_TYPE,
            "occurred_at")
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void refusesUnknownEnumValuesListingTheAllowedOnes() {
    rejects(
            () -> json.read(APPLIED.replace("consumption", "holiday")),
            RejectReason.INVALID_VALUE,
            "purpose")
        .hasMessageContaining("consumption, education, medical, small_credit, business");
  }

  @Test
  void refusesUnknownFieldsAndAuthenticationData() {
    rejects(
        () -> json.read(APPLIED.replace("\"source\"", "\"colour\":1,\"source\"")),
        RejectReason.UNKNOWN_FIELD,
        "colour");
    rejects(
        () -> json.read(APPLIED.replace("\"source\"", "\"cvn\":\"123\",\"source\"")),
        RejectReason.FORBIDDEN_DATA,
        "cvn");
  }

  @Test
  void derivesBirthDateAndGenderFromAResidentIdNumberAndDropsTheNumber() {
    String reg =
        """
        {"type":"user_registered","id":"r1","user_id":"u1","occurred_at":"2026-03-01T10:00:00+08:00",
         "source":"app","id_number":"%s"}
        """;
    UserRegistered r = (UserRegistered) json.read(reg.formatted("11010519491231002X"));

    assertThat(r.birthDate()).isEqualTo(java.time.LocalDate.of(1949, 12, 31));
    assertThat(r.gender()).isEqualTo(Gender.FEMALE);
    assertThat(json.write(r)).doesNotContain("11010519491231002X").doesNotContain("id_number");
    rejects(
            () -> json.read(reg.formatted("110105194912310021")),
            RejectReason.INVALID_VALUE,
            "id_number")
        .hasMessageNotContaining("110105194912310021");
  }

  @Test
  void refusesAMoneyAmountFinerThanAFen() {
    rejects(
        () -> json.read(APPLIED.replace("3000.50", "3000.505")),
        RejectReason.INVALID_VALUE,
        "amount");
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> rejects(
      ThrowingCallable call, RejectReason reason, String field) {
    return assertThatThrownBy(call)
        .isInstanceOf(InvalidEventException.class)
        .satisfies(
            e -> {
              assertThat(((InvalidEventException) e).reason()).isEqualTo(reason);
              assertThat(((InvalidEventException) e).field()).isEqualTo(field);
            });
  }
}
