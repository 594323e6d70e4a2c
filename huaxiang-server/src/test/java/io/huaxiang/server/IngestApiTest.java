package io.huaxiang.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.server.Http.Reply;
import io.huaxiang.store.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// close this context (and its database pool) right after the class, while the test database
// still runs; closing everything at JVM exit raced the database shutdown
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestApiTest {
  @LocalServerPort int port;
  private Http http;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
  }

  @BeforeEach
  void client() {
    http = new Http(port);
  }

  static String applied(String id, String user, String amount) {
    return """
        {"type":"loan_applied","id":"%s","user_id":"%s","occurred_at":"2026-03-01T10:00:00+08:00",
         "source":"app","application_id":"ap-%s","amount":%s,"term_months":6,"purpose":"consumption"}
        """
        .formatted(id, user, id, amount);
  }

  @Test
  void acceptsAnEventOnceAndServesTheUpdatedPortraitRightAway() {
    Reply first = http.post("/api/v1/events", applied("i-1", "ia", "3000"));
    Reply again = http.post("/api/v1/events", applied("i-1", "ia", "3000"));

    assertThat(first.status()).isEqualTo(202);
    assertThat(first.body().get("status").asText()).isEqualTo("accepted");
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body().get("status").asText()).isEqualTo("duplicate");
    Reply portrait = http.get("/api/v1/users/ia/portrait");
    assertThat(portrait.status()).isEqualTo(200);
    assertThat(portrait.body().at("/features/applications_count_lifetime").asDouble()).isEqualTo(1);
    assertThat(portrait.body().at("/features/application_amount_sum_lifetime").asDouble())
        .isEqualTo(3000);
  }

  @Test
  void badInputGetsASpecificProblemAndNothingIsStored() {
    assertProblem(http.post("/api/v1/events", "{\"type\": "), 400, "MALFORMED_JSON", null);
    assertProblem(
        http.post(
            "/api/v1/events", applied("b-1", "ib", "1").replace("loan_applied", "loan_dreamt")),
        400,
        "UNKNOWN_EVENT_TYPE",
        "type");
    assertProblem(
        http.post("/api/v1/events", applied("b-2", "ib", "1").replace("\"user_id\":\"ib\",", "")),
        400,
        "MISSING_FIELD",
        "user_id");
    assertProblem(
        http.post("/api/v1/events", applied("b-3", "ib", "-1")), 400, "NEGATIVE_AMOUNT", "amount");
    assertProblem(
        http.post("/api/v1/events", applied("b-4", "ib", "1").replace("2026-03-01", "2099-03-01")),
        400,
        "FUTURE_EVENT_TIME",
        "occurred_at");
    assertProblem(
        http.post("/api/v1/events", applied("b-5", "ib", "\"lots\"")), 400, "WRONG_TYPE", "amount");
    assertProblem(
        http.post("/api/v1/events", applied("b-6", "ib", "1").replace("6,", "true,")),
        400,
        "WRONG_TYPE",
        "term_months");
    assertProblem(
        http.post("/api/v1/events", "x".repeat(10 * 1024 * 1024 + 1)), 413, "TOO_LARGE", null);

    assertThat(http.get("/api/v1/users/ib/portrait").status()).isEqualTo(404);
    assertThat(http.get("/api/v1/ops/dead-letters?limit=10").body().toString())
        .contains("NEGATIVE_AMOUNT");
  }

  @Test
  void aBatchKeepsEveryValidEventAndReportsEachRefusedOneByIndex() {
    String batch =
        "["
            + applied("m-1", "im", "100")
            + ","
            + applied("m-2", "im", "-3")
            + ","
            + applied("m-3", "im", "200")
            + ","
            + "{\"type\":\"session\"}"
            + ","
            + applied("m-1", "im", "100")
            + "]";

    Reply r = http.post("/api/v1/events/batch", batch);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("accepted").asInt()).isEqualTo(2);
    assertThat(r.body().get("duplicates")).hasSize(1);
    assertThat(r.body().get("rejected")).hasSize(2);
    assertThat(r.body().at("/rejected/0/position").asInt()).isEqualTo(1);
    assertThat(r.body().at("/rejected/0/reason").asText()).isEqualTo("NEGATIVE_AMOUNT");
    assertThat(r.body().at("/rejected/1/position").asInt()).isEqualTo(3);
    assertThat(
            http.get("/api/v1/users/im/portrait")
                .body()
                .at("/features/applications_count_lifetime")
                .asInt())
        .isEqualTo(2);
    assertThat(http.get("/api/v1/users/im/events").body().get("total").asInt()).isEqualTo(2);
  }

  @Test
  void readingErrorsAreProblemsToo() {
    assertProblem(http.get("/api/v1/users/nobody/portrait"), 404, "NOT_FOUND", null);
    assertProblem(
        http.get("/api/v1/users/" + "x".repeat(80) + "/portrait"), 400, "INVALID_VALUE", "user_id");
    assertProblem(http.get("/api/v1/users/ia/events?size=100000"), 400, "INVALID_PAGE", null);
    assertProblem(http.get("/api/v1/users/ia/portrait?as_of=tomorrow"), 400, "INVALID_VALUE", null);
    assertThat(http.get("/api/v1/users/ia/events?page=abc").status()).isEqualTo(400);
  }

  @Test
  void servesTheCataloguesAndTheOpenApiDocument() {
    Reply features = http.get("/api/v1/catalogue/features");
    assertThat(features.body().size()).isGreaterThan(60);
    assertThat(features.body().get(0).has("label_zh")).isTrue();
    assertThat(http.get("/api/v1/catalogue/tags").body().get("tags").toString())
        .contains("prime_repayer");
    Reply openApi = http.get("/v3/api-docs");
    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.body().at("/paths").toString())
        .contains("/api/v1/users/{userId}/portrait", "/api/v1/events/batch");
  }

  private static void assertProblem(Reply r, int status, String reason, String field) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.contentType()).contains("application/problem+json");
    assertThat(r.body().get("reason").asText()).isEqualTo(reason);
    assertThat(r.body().get("detail").asText()).isNotBlank();
    assertThat(r.body().get("detail_zh").asText()).isNotBlank();
    if (field != null) {
      assertThat(r.body().get("field").asText()).isEqualTo(field);
    }
  }
}
