package io.huaxiang.server.decision;

import static io.huaxiang.server.decision.Applicants.application;
import static io.huaxiang.server.decision.Applicants.idNumber;
import static io.huaxiang.server.decision.Applicants.portrait;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huaxiang.server.Http;
import io.huaxiang.store.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The decision API over real portraits and PostgreSQL. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionApiTest {
  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
    registry.add("huaxiang.decision.lookup-key-file", () -> "target/test-keys/lookup.key");
  }

  private Http http() {
    return new Http(port);
  }

  @Test
  void decidesStoresIsIdempotentReplaysAndWritesThePortrait() {
    assertThat(http().post("/api/v1/events/batch", portrait("dc-1", true)).status()).isEqualTo(200);
    Http.Reply first =
        http().post("/api/v1/decisions", application("req-dc-1", "dc-1", "8000", 12));
    assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(201);
    JsonNode d = first.body().get("decision");
    assertThat(d.get("outcome").asText()).isEqualTo("APPROVE");
    assertThat(d.get("automated").asBoolean()).isTrue();
    assertThat(d.get("approved_amount").decimalValue()).isEqualByComparingTo("8000");
    assertThat(d.at("/offer/apr_percent").decimalValue()).isPositive();
    assertThat(d.get("term_options").size()).isEqualTo(4);
    assertThat(d.get("disclosure_zh").asText()).contains("年化利率");
    assertThat(d.get("principal_reasons").size()).isBetween(1, 4);
    assertThat(d.get("rule_outcomes").size()).isGreaterThan(10);
    assertThat(d.get("funding").get("status").asText()).isEqualTo("GRANTED");
    String id = first.body().get("decision_id").asText();

    Http.Reply again =
        http().post("/api/v1/decisions", application("req-dc-1", "dc-1", "8000", 12));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("decision_id").asText()).isEqualTo(id);
    assertThat(again.body().get("duplicate").asBoolean()).isTrue();

    assertThat(http().get("/api/v1/decisions/" + id).body().at("/decision/outcome").asText())
        .isEqualTo("APPROVE");
    JsonNode replay = http().post("/api/v1/decisions/" + id + "/replay", "").body();
    assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();

    JsonNode events = http().get("/api/v1/users/dc-1/events?size=10").body();
    assertThat(events.toString()).contains("loan_applied").contains("loan_decided");
    assertThat(events.toString())
        .doesNotContain("13900001111")
        .doesNotContain("6222021234567890128");
  }

  @Test
  void noConsentNoAssessment() {
    http().post("/api/v1/events/batch", portrait("dc-nc", false));
    JsonNode d =
        http()
            .post("/api/v1/decisions", application("req-dc-nc", "dc-nc", "5000", 6))
            .body()
            .get("decision");
    assertThat(d.get("outcome").asText()).isEqualTo("DECLINE");
    assertThat(d.get("score").isNull()).isTrue();
    assertThat(d.at("/principal_reasons/0/code").asText()).isEqualTo("CONSENT_MISSING");
  }

  @Test
  void aBorrowerCanAskForHumanReviewWithADueTime() {
    http().post("/api/v1/events/batch", portrait("dc-rv", false));
    String id =
        http()
            .post("/api/v1/decisions", application("req-dc-rv", "dc-rv", "5000", 6))
            .body()
            .get("decision_id")
            .asText();
    Http.Reply task =
        http()
            .post(
                "/api/v1/decisions/" + id + "/review-requests", "{\"note\":\"please look again\"}");
    assertThat(task.status()).isEqualTo(201);
    Instant created = Instant.parse(task.body().get("created_at").asText());
    Instant due = Instant.parse(task.body().get("due_at").asText());
    assertThat(Duration.between(created, due)).isEqualTo(Duration.ofHours(48));
    assertThat(
            http()
                .post("/api/v1/decisions/" + id + "/review-requests", "{}")
                .body()
                .get("task_id")
                .asLong())
        .isEqualTo(task.body().get("task_id").asLong());
    assertThat(http().get("/api/v1/decisions/review-tasks").body().toString()).contains(id);
    long taskId = task.body().get("task_id").asLong();
    assertThat(
            http()
                .post(
                    "/api/v1/decisions/review-tasks/" + taskId + "/close",
                    "{\"resolution\":\"upheld\"}")
                .body()
                .get("status")
                .asText())
        .isEqualTo("closed");
  }

  @Test
  void badApplicationsGetSpecificProblems() {
    String good = idNumber(LocalDate.of(1994, 5, 17), 7);
    String badChecksum = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
    expect(
        application("b1", "dc-b", "5000", 6, badChecksum, "consumption"),
        400,
        "ID_CHECKSUM",
        "id_number");
    expect(
        application(
            "b2", "dc-b", "5000", 6, idNumber(LocalDate.now().minusYears(17), 1), "consumption"),
        422,
        "UNDER_AGE",
        "id_number");
    expect(application("b3", "dc-b", "0", 6), 422, "AMOUNT_NOT_POSITIVE", "amount");
    expect(application("b4", "dc-b", "-100", 6), 422, "AMOUNT_NOT_POSITIVE", "amount");
    expect(application("b5", "dc-b", "50001", 6), 422, "AMOUNT_OUT_OF_RANGE", "amount");
    expect(application("b6", "dc-b", "5000", 6, good, "yacht"), 422, "UNKNOWN_PRODUCT", "product");
    expect(application("b7", "dc-b", "5000", 5), 422, "TERM_NOT_OFFERED", "term_months");
    expect(
        application("b8", "dc-b", "5000", 6).replace("13900001111", "1390000111"),
        400,
        "PHONE_FORMAT",
        "phone");
    expect("{\"request_id\":", 400, "MALFORMED_REQUEST", null);
    expect(application("b9", "dc-b", "\"lots\"", 6), 400, "MALFORMED_REQUEST", null);
    expect("{\"request_id\":\"" + "x".repeat(2_000_000) + "\"}", 400, "TOO_LONG", "request_id");
    Http.Reply huge =
        http().post("/api/v1/decisions", "{\"city\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}");
    assertThat(huge.status()).isEqualTo(413);
  }

  private void expect(String body, int status, String reason, String field) {
    Http.Reply r = http().post("/api/v1/decisions", body);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(status);
    assertThat(r.body().get("reason").asText()).isEqualTo(reason);
    assertThat(r.body().get("detail_zh").asText()).isNotBlank();
    if (field != null) {
      assertThat(r.body().get("field").asText()).isEqualTo(field);
    }
  }
}
