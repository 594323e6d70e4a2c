package io.huaxiang.server.decision;

import static io.huaxiang.server.decision.Applicants.application;
import static io.huaxiang.server.decision.Applicants.idNumber;
import static io.huaxiang.server.decision.Applicants.portrait;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.decision.ProductCatalogue;
import io.huaxiang.server.Http;
import io.huaxiang.server.security.ApiKeys;
import io.huaxiang.server.security.Scope;
import io.huaxiang.store.DecisionStore;
import io.huaxiang.store.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
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
    registry.add("huaxiang.decision.borrower-cap", () -> "30000");
    // throttling by demand re-reads the budget on every approval, so a test sees it at once
    registry.add("huaxiang.decision.demand-refresh", () -> "0s");
  }

  @Autowired DecisionStore store;
  @Autowired ApiKeys apiKeys;
  @Autowired io.huaxiang.store.Database database;

  /** Beijing afternoon of 2026-11-23 whenever the tests run: the sample refers 01:00-04:59. */
  static final Instant AFTERNOON = Instant.parse("2026-11-23T06:00:00Z");

  static final String TODAY = "2026-11-23";

  @TestConfiguration
  static class FixedDay {
    @Bean
    @Primary
    Clock afternoonClock() {
      return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), AFTERNOON));
    }
  }

  private static final String SAMPLE = resource("strategy-consumption.yaml");

  private static String resource(String name) {
    try (var in = ProductCatalogue.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Http.Reply postYaml(String path, String yaml) {
    return send("POST", path, "application/yaml", yaml);
  }

  private Http.Reply put(String path, String json) {
    return send("PUT", path, "application/json", json);
  }

  private Http.Reply send(String method, String path, String type, String body) {
    Http http = http();
    HttpResponse<String> r =
        http.exchange(
            http.request(path)
                .header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build());
    try {
      return new Http.Reply(r.statusCode(), new ObjectMapper().readTree(r.body()), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void strategiesAreValidatedOnUploadAndRunAsChampionOrChallenger() {
    Http.Reply unknown =
        postYaml("/api/v1/strategies", SAMPLE.replace("current_dpd > 0", "current_dpdd > 0"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("kind").asText()).isEqualTo("UNKNOWN_FEATURE");
    assertThat(unknown.body().get("field").asText()).isEqualTo("pre_check.rules[2].when");
    Http.Reply dear = postYaml("/api/v1/strategies", SAMPLE.replace("D: 22.9}", "D: 26}"));
    assertThat(dear.body().get("kind").asText()).isEqualTo("APR_ABOVE_CAP");
    Http.Reply gender =
        postYaml(
            "/api/v1/strategies/validate",
            SAMPLE.replace("application.purpose = 'education'", "gender = 'male'"));
    assertThat(gender.body().get("kind").asText()).isEqualTo("FORBIDDEN_FEATURE");

    String v2 =
        SAMPLE
            .replace("version: 1", "version: 2")
            .replace("review_below: 545", "review_below: 700");
    assertThat(postYaml("/api/v1/strategies", v2).status()).isEqualTo(201);
    Http.Reply challenger =
        http()
            .post(
                "/api/v1/strategies/consumer_standard/versions/2/activate",
                "{\"role\":\"challenger\",\"share\":0.5}");
    assertThat(challenger.body().get("role").asText()).isEqualTo("challenger");
    int challengerActs = 0;
    for (int i = 0; i < 12; i++) {
      String user = "cc-" + i;
      http().post("/api/v1/events/batch", portrait(user, true));
      JsonNode r =
          http().post("/api/v1/decisions", application("req-cc-" + i, user, "3000", 6)).body();
      assertThat(r.has("arm")).as(r.toString()).isTrue();
      if (r.get("arm").asText().equals("challenger")) {
        challengerActs++;
        assertThat(r.at("/decision/strategy").asText()).isEqualTo("consumer_standard@v2");
      }
    }
    assertThat(challengerActs).isBetween(1, 11);
    JsonNode report = http().get("/api/v1/strategies/report?product=consumption").body();
    assertThat(report.get("applications").asInt()).isEqualTo(12);
    assertThat(report.get("arms").size()).isEqualTo(2);
    assertThat(report.toString()).contains("consumer_standard@v1").contains("consumer_standard@v2");
    http().post("/api/v1/strategies/challenger/consumption/stop", "");
    assertThat(http().get("/api/v1/strategies").body().toString())
        .contains("\"version\":1")
        .contains("\"version\":2");
  }

  @Test
  void blacklistedPhonesAreDeclined() {
    http().post("/api/v1/events/batch", portrait("dc-bl", true));
    assertThat(
            http()
                .post(
                    "/api/v1/lists",
                    "{\"list\":\"black\",\"kind\":\"phone\",\"value\":\"13900002222\",\"reason\":\"test\"}")
                .status())
        .isEqualTo(201);
    JsonNode d =
        http()
            .post(
                "/api/v1/decisions",
                application("req-dc-bl", "dc-bl", "3000", 6)
                    .replace(Applicants.phone("dc-bl"), "13900002222"))
            .body();
    assertThat(d.at("/decision/outcome").asText()).isEqualTo("DECLINE");
    assertThat(d.at("/decision/principal_reasons/0/code").asText()).isEqualTo("LIST_BLACK");
    assertThat(http().get("/api/v1/lists").body().toString()).doesNotContain("13900002222");
  }

  @Test
  void concurrentApplicationsNeverOverCommitTheBudgetOrOneBorrowersLine() throws Exception {
    String instalment =
        SAMPLE
            .replace("id: consumer_standard", "id: instalment_standard")
            .replace("product: consumption", "product: instalment")
            .replace("{A: 9.9, B: 14.9, C: 19.9, D: 22.9}", "{A: 9, B: 10, C: 11, D: 12}");
    assertThat(postYaml("/api/v1/strategies", instalment).status()).isEqualTo(201);
    http().post("/api/v1/strategies/instalment_standard/versions/1/activate", "{}");
    String today = TODAY;
    assertThat(
            put("/api/v1/budgets/instalment/" + today, "{\"amount\":20000,\"count\":100}").status())
        .isEqualTo(200);
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      users.add("cb-" + i);
    }
    http()
        .post(
            "/api/v1/events/batch",
            "["
                + String.join(
                    ",",
                    users.stream()
                        .map(u -> portrait(u, true).substring(1, portrait(u, true).length() - 1))
                        .toList())
                + "]");
    ExecutorService pool = Executors.newFixedThreadPool(12);
    List<Future<JsonNode>> budget = new ArrayList<>();
    for (String u : users) {
      budget.add(
          pool.submit(
              () ->
                  http()
                      .post(
                          "/api/v1/decisions",
                          application(
                              "req-" + u,
                              u,
                              "1000",
                              6,
                              idNumber(LocalDate.of(1990, 1, 1), u.hashCode()),
                              "instalment"))
                      .body()));
    }
    // one borrower, many parallel applications against the 30,000 per-borrower cap
    http().post("/api/v1/events/batch", portrait("cb-line", true));
    List<Future<JsonNode>> line = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String req = "req-line-" + i;
      line.add(
          pool.submit(
              () ->
                  http()
                      .post("/api/v1/decisions", application(req, "cb-line", "9000", 12))
                      .body()));
    }
    BigDecimal approved = BigDecimal.ZERO;
    int deferred = 0;
    for (Future<JsonNode> f : budget) {
      JsonNode d = f.get().get("decision");
      if (d.get("outcome").asText().equals("APPROVE")) {
        approved = approved.add(d.get("approved_amount").decimalValue());
      } else if (d.get("outcome").asText().equals("DEFER")) {
        deferred++;
        assertThat(d.get("deferred_until").asText())
            .isEqualTo(LocalDate.parse(today).plusDays(1).toString());
      }
    }
    assertThat(approved).isLessThanOrEqualTo(new BigDecimal("20000"));
    assertThat(deferred).isPositive();
    assertThat(store.budget("instalment", LocalDate.parse(today)).orElseThrow().usedAmount())
        .isEqualByComparingTo(approved);
    JsonNode forecast = http().get("/api/v1/budgets/instalment").body();
    assertThat(forecast.get("used_amount").decimalValue()).isEqualByComparingTo(approved);
    assertThat(forecast.get("approved_per_hour").decimalValue()).isPositive();
    BigDecimal lineApproved = BigDecimal.ZERO;
    for (Future<JsonNode> f : line) {
      JsonNode d = f.get().get("decision");
      lineApproved =
          lineApproved.add(
              d.get("approved_amount")
                  .decimalValue()
                  .multiply(
                      d.get("outcome").asText().equals("APPROVE")
                          ? BigDecimal.ONE
                          : BigDecimal.ZERO));
    }
    pool.shutdown();
    assertThat(lineApproved).isLessThanOrEqualTo(new BigDecimal("30000"));
    assertThat(store.committed("cb-line")).isEqualByComparingTo(lineApproved);
  }

  @Test
  void whenDemandOutrunsTheBudgetOnlyPriorityBandsAreFundedTheOthersComeBackTomorrow() {
    String education =
        SAMPLE
            .replace("id: consumer_standard", "id: education_demand")
            .replace("product: consumption", "product: education")
            .replace("{A: 9.9, B: 14.9, C: 19.9, D: 22.9}", "{A: 6, B: 6.2, C: 6.4, D: 6.6}");
    // demand of 3,000 an hour is more than 0.1% of a 1,000,000 budget: throttling is on
    String noPriority =
        education.replace(
            "  priority_bands: [A, B]", "  priority_bands: []\n  demand_share: 0.001");
    assertThat(postYaml("/api/v1/strategies", noPriority).status()).isEqualTo(201);
    http().post("/api/v1/strategies/education_demand/versions/1/activate", "{}");
    assertThat(
            put("/api/v1/budgets/education/" + TODAY, "{\"amount\":1000000,\"count\":100}")
                .status())
        .isEqualTo(200);
    http().post("/api/v1/events/batch", portrait("dm-1", true));
    JsonNode waiting =
        http()
            .post(
                "/api/v1/decisions",
                application(
                    "req-dm-1",
                    "dm-1",
                    "3000",
                    12,
                    idNumber(LocalDate.of(1994, 5, 17), 71),
                    "education"))
            .body()
            .get("decision");
    assertThat(waiting.get("outcome").asText()).as(waiting.toString()).isEqualTo("DEFER");
    assertThat(waiting.get("deferred_until").asText())
        .isEqualTo(LocalDate.parse(TODAY).plusDays(1).toString());
    assertThat(waiting.at("/principal_reasons/0/code").asText())
        .isEqualTo("FUNDING_DEMAND_THROTTLED");
    assertThat(waiting.at("/funding/status").asText()).isEqualTo("DEMAND_THROTTLED");
    // nothing was reserved for it
    assertThat(store.budget("education", LocalDate.parse(TODAY)).orElseThrow().usedAmount())
        .isEqualByComparingTo("0");
    JsonNode forecast = http().get("/api/v1/budgets/education").body();
    assertThat(forecast.get("demand_throttling").asBoolean()).as(forecast.toString()).isTrue();
    assertThat(forecast.get("demand_per_hour").decimalValue()).isEqualByComparingTo("3000");
    assertThat(forecast.get("demand_share").decimalValue()).isEqualByComparingTo("0.001");

    // the same pressure, but every band a priority band: funded
    String allPriority =
        education
            .replace("version: 1", "version: 2")
            .replace(
                "  priority_bands: [A, B]",
                "  priority_bands: [A, B, C, D]\n  demand_share: 0.001");
    assertThat(postYaml("/api/v1/strategies", allPriority).status()).isEqualTo(201);
    http().post("/api/v1/strategies/education_demand/versions/2/activate", "{}");
    http().post("/api/v1/events/batch", portrait("dm-2", true));
    JsonNode funded =
        http()
            .post(
                "/api/v1/decisions",
                application(
                    "req-dm-2",
                    "dm-2",
                    "3000",
                    12,
                    idNumber(LocalDate.of(1994, 5, 17), 72),
                    "education"))
            .body()
            .get("decision");
    assertThat(funded.get("outcome").asText()).as(funded.toString()).isEqualTo("APPROVE");
    assertThat(funded.at("/funding/status").asText()).isEqualTo("GRANTED");
    assertThat(store.budget("education", LocalDate.parse(TODAY)).orElseThrow().usedAmount())
        .isEqualByComparingTo("3000");
  }

  @Test
  void repayingTheLoanAnApprovalBecameReleasesTheBorrowersCommittedCredit() throws Exception {
    http().post("/api/v1/events/batch", portrait("dc-cm", true));
    Http.Reply approved =
        http().post("/api/v1/decisions", application("req-dc-cm", "dc-cm", "8000", 12));
    assertThat(approved.body().at("/decision/outcome").asText()).isEqualTo("APPROVE");
    String decision = approved.body().get("decision_id").asText();
    assertThat(store.committed("dc-cm")).isEqualByComparingTo("8000");
    // the loan app draws the approval: the loan's outstanding principal now holds the credit
    String loan =
        "{\"type\":\"loan_disbursed\",\"id\":\"dc-cm-d\",\"user_id\":\"dc-cm\","
            + "\"occurred_at\":\"2026-11-23T13:30:00+08:00\",\"source\":\"core\","
            + "\"loan_id\":\"l-dc-cm\",\"application_id\":\"a-"
            + decision
            + "\",\"principal\":8000,\"apr\":0.12,\"term_months\":12,"
            + "\"repayment_mode\":\"monthly_instalment\"}";
    assertThat(http().post("/api/v1/events/batch", "[" + loan + "]").status()).isEqualTo(200);
    String repaid =
        "{\"type\":\"repayment_made\",\"id\":\"dc-cm-p\",\"user_id\":\"dc-cm\","
            + "\"occurred_at\":\"2026-11-23T13:40:00+08:00\",\"source\":\"core\","
            + "\"loan_id\":\"l-dc-cm\",\"due_date\":\"2026-12-23\",\"paid_date\":\"2026-11-23\","
            + "\"amount\":8000}";
    assertThat(http().post("/api/v1/events/batch", "[" + repaid + "]").status()).isEqualTo(200);
    // re-computed off the ingest path, moments later
    for (int i = 0; i < 100 && store.committed("dc-cm").signum() > 0; i++) {
      Thread.sleep(100);
    }
    assertThat(store.committed("dc-cm")).isEqualByComparingTo("0");
  }

  private Http http;

  /** One signed-in admin session for the whole test (each sign-in is a new session). */
  private synchronized Http http() {
    if (http == null) {
      http = new Http(port);
    }
    return http;
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
    // another caller reusing the request id gets a conflict, never the first caller's decision
    Http.Reply swapped =
        Http.as(port, "risk_ops")
            .post("/api/v1/decisions", application("req-dc-1", "dc-1", "8000", 12));
    assertThat(swapped.status()).isEqualTo(409);
    assertThat(swapped.body().get("reason").asText()).isEqualTo("REQUEST_ID_REUSED");
    assertThat(swapped.body().toString()).doesNotContain(id);

    assertThat(http().get("/api/v1/decisions/" + id).body().at("/decision/outcome").asText())
        .isEqualTo("APPROVE");
    JsonNode replay = http().post("/api/v1/decisions/" + id + "/replay", "").body();
    assertThat(replay.get("identical").asBoolean()).as(replay.toString()).isTrue();

    JsonNode events = http().get("/api/v1/users/dc-1/events?size=10").body();
    assertThat(events.toString()).contains("loan_applied").contains("loan_decided");
    assertThat(events.toString())
        .doesNotContain(Applicants.phone("dc-1"))
        .doesNotContain("6222021234567890128");
  }

  @Test
  void aDecisionClientReadsOnlyItsOwnDecisionsAndAnotherKeysIdLooksMissing() {
    assertThat(http().post("/api/v1/events/batch", portrait("dc-ka", true)).status())
        .isEqualTo(200);
    Http keyA = Http.withApiKey(port, apiKeys.create("gw-a", Set.of(Scope.DECIDE), "t").secret());
    Http keyB = Http.withApiKey(port, apiKeys.create("gw-b", Set.of(Scope.DECIDE), "t").secret());
    Http.Reply made = keyB.post("/api/v1/decisions", application("req-ka-b", "dc-ka", "3000", 6));
    assertThat(made.status()).as(String.valueOf(made.body())).isEqualTo(201);
    String idOfB = made.body().get("decision_id").asText();
    assertThat(keyB.get("/api/v1/decisions/" + idOfB).status()).isEqualTo(200);

    // key A swaps in B's id: every read or use by id answers like a missing decision
    Http.Reply read = keyA.get("/api/v1/decisions/" + idOfB);
    Http.Reply missing = keyA.get("/api/v1/decisions/" + java.util.UUID.randomUUID());
    assertThat(read.status()).isEqualTo(404);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(read.body().get("reason").asText()).isEqualTo(missing.body().get("reason").asText());
    assertThat(read.body().toString()).doesNotContain("outcome").doesNotContain("dc-ka");
    assertThat(keyA.post("/api/v1/decisions/" + idOfB + "/replay", "").status()).isEqualTo(404);
    assertThat(keyA.post("/api/v1/decisions/" + idOfB + "/review-requests", "{}").status())
        .isEqualTo(404);
    assertThat(keyA.get("/api/v1/decisions/review-tasks").status()).isEqualTo(403);
    // staff keep their access
    assertThat(Http.as(port, "risk_ops").get("/api/v1/decisions/" + idOfB).status()).isEqualTo(200);
    assertThat(Http.as(port, "compliance").get("/api/v1/decisions/" + idOfB).status())
        .isEqualTo(200);
  }

  @Test
  void aDecisionFailsClosedWhenItsSourcesAreDownAndIsA503WhenItCannotBeStored() throws Exception {
    assertThat(http().post("/api/v1/events/batch", portrait("dc-fc", true)).status())
        .isEqualTo(200);
    // lists and commitments really fail (their tables are gone), no mock involved
    sql("alter table list_entries rename to list_entries_down");
    sql("alter table credit_commitments rename to credit_commitments_down");
    Http.Reply degraded;
    try {
      degraded = http().post("/api/v1/decisions", application("req-fc-1", "dc-fc", "8000", 12));
    } finally {
      sql("alter table list_entries_down rename to list_entries");
      sql("alter table credit_commitments_down rename to credit_commitments");
    }
    assertThat(degraded.status()).as(String.valueOf(degraded.body())).isEqualTo(201);
    JsonNode d = degraded.body().get("decision");
    assertThat(d.get("outcome").asText()).isIn("REVIEW", "DECLINE");
    assertThat(d.get("reasons").toString()).contains("DEPENDENCY_UNAVAILABLE");
    assertThat(d.get("approved_amount").decimalValue()).isEqualByComparingTo("0");

    // the store itself is down: nothing is decided, a 503 problem to retry, never a 500
    sql("alter table decisions rename to decisions_down");
    Http.Reply down;
    try {
      down = http().post("/api/v1/decisions", application("req-fc-2", "dc-fc", "8000", 12));
    } finally {
      sql("alter table decisions_down rename to decisions");
    }
    assertThat(down.status()).isEqualTo(503);
    assertThat(down.contentType()).startsWith("application/problem+json");
    assertThat(down.body().get("reason").asText()).isEqualTo("DEPENDENCY_UNAVAILABLE");
    assertThat(down.body().toString()).doesNotContain("APPROVE");

    // control: the same applicant with every source up is approved, so the refusals above came
    // from the failures and not from the applicant
    Http.Reply healthy =
        http().post("/api/v1/decisions", application("req-fc-3", "dc-fc", "8000", 12));
    assertThat(healthy.body().at("/decision/outcome").asText()).isEqualTo("APPROVE");
  }

  /**
   * The decisioning half of the deletion test (PrivacyApiTest has the events half): after erasure
   * no decision read, review list, report or export returns the user; the decisions and review
   * tasks (loan records) are only in restricted storage, which only SQL reaches; open review tasks
   * are closed and the committed credit is released.
   */
  @Test
  void erasureRestrictsTheDecisionsClosesReviewsAndReleasesTheCommitment() throws Exception {
    assertThat(http().post("/api/v1/events/batch", portrait("dc-er", true)).status())
        .isEqualTo(200);
    Http.Reply made = http().post("/api/v1/decisions", application("req-er", "dc-er", "6000", 12));
    assertThat(made.body().at("/decision/outcome").asText()).isEqualTo("APPROVE");
    String id = made.body().get("decision_id").asText();
    assertThat(http().post("/api/v1/decisions/" + id + "/review-requests", "{}").status())
        .isEqualTo(201);
    assertThat(count("select count(*) from credit_commitments where user_id = 'dc-er'"))
        .isEqualTo(1);
    assertThat(http().get("/api/v1/decisions/review-tasks").body().toString()).contains(id);

    Http.Reply erased =
        Http.as(port, "compliance")
            .post("/api/v1/privacy/users/dc-er/erasure", "{\"request_ref\":\"REQ-DC\"}");
    assertThat(erased.status()).as(String.valueOf(erased.body())).isEqualTo(200);
    assertThat(erased.body().get("decisions").asLong()).isEqualTo(1);
    assertThat(erased.body().get("review_tasks_closed").asLong()).isEqualTo(1);
    assertThat(erased.body().get("commitments_released").asLong()).isEqualTo(1);

    for (String role : new String[] {"risk_ops", "compliance"}) {
      assertThat(Http.as(port, role).get("/api/v1/decisions/" + id).status())
          .as(role)
          .isEqualTo(404);
    }
    assertThat(http().post("/api/v1/decisions/" + id + "/replay", "").status()).isEqualTo(404);
    for (String status : new String[] {"open", "closed"}) {
      assertThat(http().get("/api/v1/decisions/review-tasks?status=" + status).body().toString())
          .doesNotContain(id)
          .doesNotContain("dc-er");
    }
    assertThat(Http.as(port, "compliance").get("/api/v1/privacy/users/dc-er/export").status())
        .isEqualTo(404);
    // no new decision is stored under the erased id
    Http.Reply again =
        http().post("/api/v1/decisions", application("req-er-2", "dc-er", "6000", 12));
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.body().get("reason").asText()).isEqualTo("SUBJECT_ERASED");
    for (String table : new String[] {"decisions", "review_tasks", "credit_commitments"}) {
      assertThat(count("select count(*) from " + table + " where user_id = 'dc-er'"))
          .as(table)
          .isZero();
    }
    // storage level only: the loan records, kept for the 10-year duty, the task closed
    assertThat(
            count(
                "select count(*) from restricted_records where user_id = 'dc-er'"
                    + " and category = 'LOAN' and retain_until > now() + interval '9 years'"))
        .isEqualTo(2);
    assertThat(
            count(
                "select count(*) from restricted_records where user_id = 'dc-er'"
                    + " and source_table = 'review_tasks' and record->>'status' = 'closed'"))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from restricted_records where source_table = 'decisions'"
                    + " and record_key = '"
                    + id
                    + "'"))
        .isEqualTo(1);
  }

  private long count(String query) throws java.sql.SQLException {
    try (var c = database.dataSource().getConnection();
        var st = c.createStatement();
        var rs = st.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void sql(String statement) throws java.sql.SQLException {
    try (var c = database.dataSource().getConnection();
        var st = c.createStatement()) {
      st.execute(statement);
    }
  }

  @Test
  void offersForAUserAreRankedAndPricedAndTheStandardOnesNeedNoPortrait() {
    http().post("/api/v1/events/batch", portrait("dc-of", true));
    JsonNode offers = http().get("/api/v1/users/dc-of/offers").body();
    assertThat(offers.size()).isPositive();
    assertThat(offers.get(0).get("personalised").asBoolean()).isTrue();
    assertThat(offers.get(0).at("/representative/apr_percent").decimalValue()).isPositive();
    assertThat(offers.get(0).get("text_zh").asText()).contains("预授信");
    JsonNode plain = http().get("/api/v1/users/dc-of/offers?personalised=false").body();
    assertThat(plain.get(0).get("personalised").asBoolean()).isFalse();
    assertThat(Http.as(port, "marketing").get("/api/v1/offers").body().size()).isEqualTo(5);
    assertThat(Http.as(port, "marketing").get("/api/v1/users/dc-of/offers").status())
        .isEqualTo(403);
    // the loan app asks for the borrower's offers with its decide key; the read is audited
    Http app =
        Http.withApiKey(port, apiKeys.create("offers-app", Set.of(Scope.DECIDE), "test").secret());
    Http.Reply byApp = app.get("/api/v1/users/dc-of/offers");
    assertThat(byApp.status()).isEqualTo(200);
    assertThat(byApp.body().get(0).get("product_id").asText())
        .isEqualTo(offers.get(0).get("product_id").asText());
    assertThat(app.get("/api/v1/users/dc-of/portrait").status()).isEqualTo(403);
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
  void fuzzedBodiesNeverGetAServerError() {
    http().post("/api/v1/events/batch", portrait("dc-fz", true));
    String valid = application("req-fz", "dc-fz", "3000", 6);
    List<String> bodies = DecisionFuzz.bodies(valid).sampleStream().limit(300).toList();
    for (String body : bodies) {
      Http.Reply r = http().post("/api/v1/decisions", body);
      assertThat(r.status()).as(body).isBetween(200, 499);
      if (r.status() >= 400) {
        assertThat(r.body().get("reason").asText()).as(body).isNotBlank();
      }
    }
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
            "b2",
            "dc-b",
            "5000",
            6,
            idNumber(LocalDate.parse(TODAY).minusYears(17), 1),
            "consumption"),
        422,
        "UNDER_AGE",
        "id_number");
    expect(application("b3", "dc-b", "0", 6), 422, "AMOUNT_NOT_POSITIVE", "amount");
    expect(application("b4", "dc-b", "-100", 6), 422, "AMOUNT_NOT_POSITIVE", "amount");
    expect(application("b5", "dc-b", "50001", 6), 422, "AMOUNT_OUT_OF_RANGE", "amount");
    expect(application("b6", "dc-b", "5000", 6, good, "yacht"), 422, "UNKNOWN_PRODUCT", "product");
    expect(application("b7", "dc-b", "5000", 5), 422, "TERM_NOT_OFFERED", "term_months");
    expect(
        application("b8", "dc-b", "5000", 6).replace(Applicants.phone("dc-b"), "1390000111"),
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

  @Test
  void theConsoleSeesTheStreamTriesAnApplicationWithoutActingAndSimulatesAVersion() {
    http().post("/api/v1/events/batch", portrait("dc-console", true));
    long before = store.count();
    // a try-out gives what the decision will be, and stores, funds and counts nothing
    JsonNode tried =
        http()
            .post(
                "/api/v1/decisions/dry-run",
                application("req-console-try", "dc-console", "6000", 12))
            .body();
    assertThat(tried.get("rule_outcomes").size()).isGreaterThan(3);
    assertThat(store.count()).isEqualTo(before);
    JsonNode decided =
        http()
            .post("/api/v1/decisions", application("req-console-1", "dc-console", "6000", 12))
            .body()
            .get("decision");
    assertThat(tried.get("outcome").asText()).isEqualTo(decided.get("outcome").asText());
    assertThat(tried.get("score").asInt()).isEqualTo(decided.get("score").asInt());
    assertThat(
            http()
                .post(
                    "/api/v1/decisions/dry-run?strategy=consumer_standard@v99",
                    application("req-console-try2", "dc-console", "6000", 12))
                .status())
        .isEqualTo(404);
    assertThat(
            http()
                .post(
                    "/api/v1/decisions/dry-run?strategy=DROP%20TABLE",
                    application("req-console-try3", "dc-console", "6000", 12))
                .body()
                .get("reason")
                .asText())
        .isEqualTo("INVALID_VALUE");

    JsonNode stream = http().get("/api/v1/decisions/stream?minutes=60").body();
    assertThat(stream.at("/totals/total").asLong())
        .isEqualTo(stream.findValues("total").stream().skip(1).mapToLong(JsonNode::asLong).sum());
    assertThat(stream.get("recent").get(0).get("user_id").asText()).isEqualTo("dc-console");
    assertThat(stream.at("/totals/latency_avg_ms").asDouble()).isPositive();
    assertThat(http().get("/api/v1/decisions/stream?minutes=0").body().get("reason").asText())
        .isEqualTo("INVALID_WINDOW");

    // what-if of the version that decided: approvals and referrals stay what they were (funding
    // is not simulated, so a deferral or a decline at the borrower cap may come out approved)
    JsonNode whatIf = http().get("/api/v1/strategies/consumer_standard/versions/1/what-if").body();
    assertThat(whatIf.get("applications").asLong()).isPositive();
    String own = decided.get("outcome").asText();
    if (own.equals("APPROVE") || own.equals("REVIEW")) {
      assertThat(whatIf.get("changes").has(own + " -> " + own)).isTrue();
    }
    whatIf
        .get("changes")
        .fieldNames()
        .forEachRemaining(
            change -> {
              String[] sides = change.split(" -> ");
              if (sides[0].equals("APPROVE") || sides[0].equals("REVIEW")) {
                assertThat(sides[1]).as(change).isEqualTo(sides[0]);
              }
            });
    assertThat(http().get("/api/v1/strategies/consumer_standard/versions/9/what-if").status())
        .isEqualTo(404);
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
