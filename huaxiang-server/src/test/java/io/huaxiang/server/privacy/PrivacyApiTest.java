package io.huaxiang.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huaxiang.server.Http;
import io.huaxiang.store.Database;
import io.huaxiang.store.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Consent and a person's rights over HTTP. Processing without consent is refused and audited, and a
 * withdrawal takes effect on the next request. Data-subject rights: the export holds everything
 * (identifiers decrypted); a correction flows to the portrait; after erasure no query, export,
 * segment or training extract returns the user, while loan records (and, under a legal hold,
 * everything) stay in restricted storage that only SQL reaches.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivacyApiTest {
  @LocalServerPort int port;
  @Autowired Database database;
  @Autowired io.huaxiang.server.config.HuaxiangRuntime runtime;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
    // a key file of this test's own, re-read often, so a rotation shows up within the test
    registry.add(
        "huaxiang.keys.file",
        () -> {
          try {
            return java.nio.file.Files.createTempDirectory("hx-keys")
                .resolve("keys")
                .resolve("huaxiang.keys")
                .toString();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    registry.add("huaxiang.keys.reload-every-ms", () -> "200");
  }

  @Test
  void aRunningServerEncryptsWithARotatedKeyWithoutRestartAndLookupsKeepWorking()
      throws InterruptedException {
    Http http = new Http(port);
    String phone = "13912345678";
    post(http, "[" + linked("kr-a", phone, 1) + "]");
    assertThat(keyOf("kr-a-ph1")).isEqualTo("k1");

    String added = runtime.keys().addKey(); // what `huaxiang keys rotate` does first
    assertThat(added).isEqualTo("k2");
    String key = "k1";
    for (int i = 2; i < 60 && !key.equals("k2"); i++) {
      Thread.sleep(100);
      post(http, "[" + linked("kr-b", phone, i) + "]");
      key = keyOf("kr-b-ph" + i);
    }
    assertThat(key).as("new values are sealed under the rotated key, no restart").isEqualTo("k2");

    // old and new values both decrypt for the one role that sees them in clear
    assertThat(Http.as(port, "compliance").get("/api/v1/users/kr-a/events").body().toString())
        .contains(phone);
    assertThat(Http.as(port, "compliance").get("/api/v1/users/kr-b/events").body().toString())
        .contains(phone);
    // lookups: the lookup key is not the field key, so the pseudonym of the phone is unchanged
    // and both users, sealed under different keys, are found through it
    String before = pseudonymOf("kr-a-ph1");
    assertThat(pseudonymOf("kr-b-ph2")).isEqualTo(before);
    assertThat(runtime.events().usersLinkedTo(before))
        .extracting(io.huaxiang.core.event.UserId::value)
        .contains("kr-a", "kr-b");
  }

  private static String linked(String user, String phone, int n) {
    return """
        {"type":"relation","id":"%1$s-ph%3$d","user_id":"%1$s","source":"app",
         "occurred_at":"2026-05-01T10:02:00+08:00","kind":"phone","target":"%2$s"}"""
        .formatted(user, phone, n);
  }

  private String keyOf(String eventId) {
    return text("select key_id from events where event_id = '" + eventId + "'");
  }

  private String pseudonymOf(String eventId) {
    return text("select payload->>'target' from events where event_id = '" + eventId + "'");
  }

  private String text(String sql) {
    try (Connection c = database.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void exportHoldsEverythingWithIdentifiersInClear() {
    Http http = new Http(port);
    post(http, history("ds-export"));

    Http.Reply export =
        compliance().get("/api/v1/privacy/users/ds-export/export?request_ref=REQ-1");

    assertThat(export.status()).isEqualTo(200);
    JsonNode body = export.body();
    assertThat(body.get("format").asText()).isEqualTo("huaxiang-subject-export/1");
    assertThat(body.get("events")).hasSize(7);
    assertThat(body.get("events").findValuesAsText("target")).contains("13812345678");
    assertThat(body.at("/portrait/features/linked_phone_count").asDouble()).isEqualTo(1.0);
    assertThat(body.at("/portrait/features/city").asText()).isEqualTo("上海");
    assertThat(body.get("consents")).hasSize(2);
    assertThat(body.has("tag_history")).isTrue();
    assertThat(auditActions()).contains("DATA_SUBJECT_EXPORT");
    assertThat(compliance().get("/api/v1/privacy/users/nobody/export").status()).isEqualTo(404);
  }

  @Test
  void aCorrectionFlowsThroughToTheFeatures() {
    Http http = new Http(port);
    post(http, history("ds-correct"));
    assertThat(portrait(http, "ds-correct").get("city").asText()).isEqualTo("上海");

    Http.Reply corrected =
        compliance()
            .post(
                "/api/v1/privacy/users/ds-correct/corrections",
                "{\"request_ref\":\"REQ-2\",\"fields\":{\"city\":\"杭州\",\"city_tier\":2}}");

    assertThat(corrected.status()).isEqualTo(200);
    assertThat(corrected.body().at("/features/city").asText()).isEqualTo("杭州");
    assertThat(portrait(http, "ds-correct").get("city").asText()).isEqualTo("杭州");
    assertThat(portrait(http, "ds-correct").get("city_tier").asDouble()).isEqualTo(2.0);
    Http.Reply refused =
        compliance()
            .post("/api/v1/privacy/users/ds-correct/corrections", "{\"fields\":{\"amount\":1}}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("reason").asText()).isEqualTo("NOT_CORRECTABLE");
  }

  @Test
  void afterErasureNothingReturnsTheUserButLoanRecordsStayRestricted() throws Exception {
    Http http = new Http(port);
    post(http, history("ds-erase"));
    post(http, history("ds-keep"));
    assertThat(
            http.post(
                    "/api/v1/segments",
                    "{\"name\":\"ds-shanghai\",\"expression\":\"city == '上海'\"}")
                .status())
        .isEqualTo(201);
    assertThat(members(http, "ds-shanghai")).contains("ds-erase", "ds-keep");
    assertThat(trainingExtract()).contains("\nds-erase,").contains("\nds-keep,");
    // a refused record naming the user is a dead letter until the erasure
    http.post(
        "/api/v1/events/batch",
        "[{\"type\":\"session\",\"id\":\"ds-bad\",\"user_id\":\"ds-erase\",\"source\":\"app\"}]");
    assertThat(count("select count(*) from dead_letters where user_id = 'ds-erase'")).isEqualTo(1);

    Http.Reply erased =
        compliance().post("/api/v1/privacy/users/ds-erase/erasure", "{\"request_ref\":\"REQ-3\"}");

    assertThat(erased.status()).isEqualTo(200);
    assertThat(erased.body().get("restricted").asLong()).isEqualTo(2); // application, decision
    assertThat(erased.body().get("deleted").asLong()).isEqualTo(5);
    for (String path :
        new String[] {
          "/api/v1/users/ds-erase/portrait",
          "/api/v1/users/ds-erase/events",
          "/api/v1/users/ds-erase/consents",
          "/api/v1/privacy/users/ds-erase/export"
        }) {
      assertThat(compliance().get(path).status()).as(path).isEqualTo(404);
    }
    assertThat(http.get("/api/v1/users/ds-erase/tags/history").body()).isEmpty();
    assertThat(members(http, "ds-shanghai")).contains("ds-keep").doesNotContain("ds-erase");
    assertThat(trainingExtract()).contains("\nds-keep,").doesNotContain("ds-erase");
    for (String table :
        new String[] {
          "events",
          "profiles",
          "portrait_features",
          "tag_history",
          "dead_letters",
          "segment_members",
          "segment_membership_events"
        }) {
      assertThat(count("select count(*) from " + table + " where user_id = 'ds-erase'"))
          .as(table)
          .isZero();
    }
    // storage level only: the loan records under the retention duty
    assertThat(count("select count(*) from restricted_events where user_id = 'ds-erase'"))
        .isEqualTo(2);
    assertThat(
            count(
                "select count(*) from restricted_events where user_id = 'ds-erase'"
                    + " and category = 'LOAN' and retain_until > now() + interval '9 years'"))
        .isEqualTo(2);
    // new events of the erased user are refused, and not kept as dead letters
    Http.Reply again = http.post("/api/v1/events/batch", "[" + session("ds-erase", 9) + "]");
    assertThat(again.body().get("rejected").get(0).get("reason").asText())
        .isEqualTo("SUBJECT_ERASED");
    assertThat(count("select count(*) from events where user_id = 'ds-erase'")).isZero();
    assertThat(auditActions()).contains("DATA_SUBJECT_ERASURE");
  }

  @Test
  void underALegalHoldErasureRestrictsEverythingInsteadOfDeleting() throws Exception {
    Http http = new Http(port);
    post(http, history("ds-hold"));
    assertThat(
            compliance()
                .put(
                    "/api/v1/privacy/users/ds-hold/legal-hold",
                    "{\"reason\":\"court order 2026-17\"}")
                .status())
        .isEqualTo(200);
    assertThat(new Http(port).get("/api/v1/privacy/users/ds-hold/legal-hold").status())
        .as("admin may not run data-subject requests")
        .isEqualTo(403);
    assertThat(
            compliance()
                .get("/api/v1/privacy/users/ds-hold/legal-hold")
                .body()
                .get("reason")
                .asText())
        .isEqualTo("court order 2026-17");

    Http.Reply erased =
        compliance().post("/api/v1/privacy/users/ds-hold/erasure", "{\"request_ref\":\"REQ-4\"}");

    assertThat(erased.body().get("on_hold").asBoolean()).isTrue();
    assertThat(erased.body().get("deleted").asLong()).isZero();
    assertThat(count("select count(*) from restricted_events where user_id = 'ds-hold'"))
        .isEqualTo(7);
    assertThat(http.get("/api/v1/users/ds-hold/portrait").status()).isEqualTo(404);
    assertThat(trainingExtract()).doesNotContain("ds-hold");
  }

  @Test
  void aBureauReportWithoutBureauQueryConsentIsRefusedAndNotStored() {
    Http http = new Http(port);
    post(http, history("cg-bureau"));
    String consent =
        """
        {"type":"consent_changed","id":"cg-bureau-q%d","user_id":"cg-bureau","source":"app",
         "occurred_at":"%s","purpose":"credit_bureau_query","granted":%s,"notice_version":"2026-01"}"""
            .formatted(1, "2026-05-03T10:00:00+08:00", true);

    // never consented: refused, not stored, not a dead letter, audited
    Http.Reply refused = http.post("/api/v1/events/batch", "[" + bureau("cg-bureau", 1) + "]");
    assertThat(refused.body().get("accepted").asInt()).isZero();
    assertThat(refused.body().at("/rejected/0/reason").asText()).isEqualTo("CONSENT_MISSING");
    assertThat(count("select count(*) from events where type = 'bureau_report'")).isZero();
    assertThat(count("select count(*) from dead_letters where user_id = 'cg-bureau'")).isZero();

    // consent earlier in the same batch is enough
    Http.Reply accepted =
        http.post("/api/v1/events/batch", "[" + consent + "," + bureau("cg-bureau", 2) + "]");
    assertThat(accepted.body().get("accepted").asInt()).isEqualTo(2);

    // withdrawn: the very next report is refused
    post(
        http,
        "["
            + consent
                .replace("q1", "q2")
                .replace("2026-05-03T10:00", "2026-05-04T10:00")
                .replace("true", "false")
            + "]");
    Http.Reply afterWithdrawal =
        http.post("/api/v1/events/batch", "[" + bureau("cg-bureau", 3) + "]");
    assertThat(afterWithdrawal.body().at("/rejected/0/reason").asText())
        .isEqualTo("CONSENT_MISSING");
    assertThat(count("select count(*) from events where type = 'bureau_report'")).isEqualTo(1);
    // refusals at ingestion are queued for the audit log, not waited for
    assertThat(
            eventually(
                "select count(*) from audit_log where action = 'CONSENT_REFUSED'"
                    + " and subject = 'user:cg-bureau'",
                2))
        .isEqualTo(2);

    JsonNode ledger = http.get("/api/v1/users/cg-bureau/consents").body();
    assertThat(ledger.get("history")).hasSize(4);
    JsonNode bureauState = null;
    for (JsonNode p : ledger.get("current")) {
      if (p.get("purpose").asText().equals("credit_bureau_query")) {
        bureauState = p;
      }
    }
    assertThat(bureauState.get("granted").asBoolean()).isFalse();
    assertThat(bureauState.get("notice_version").asText()).isEqualTo("2026-01");
    assertThat(bureauState.get("label_zh").asText()).isEqualTo("征信查询");
  }

  @Test
  void sensitiveDataNeedsItsOwnConsentAndAWithdrawalAppliesToTheNextEvent() {
    Http http = new Http(port);
    post(http, history("cg-sens"));
    // a bank card (a financial account) and a contact (contact-book data) are sensitive (Art 28)
    Http.Reply refused =
        http.post(
            "/api/v1/events/batch",
            "["
                + relation("cg-sens", 1, "bank_card")
                + ","
                + relation("cg-sens", 2, "contact")
                + "]");
    assertThat(refused.body().get("accepted").asInt()).isZero();
    assertThat(refused.body().at("/rejected/0/reason").asText()).isEqualTo("CONSENT_MISSING");
    assertThat(refused.body().at("/rejected/1/reason").asText()).isEqualTo("CONSENT_MISSING");
    assertThat(
            count(
                "select count(*) from events where user_id = 'cg-sens' and type = 'relation'"
                    + " and payload->>'kind' in ('bank_card', 'contact')"))
        .isZero();
    // a device link is not sensitive data and needs no such consent
    assertThat(
            http.post("/api/v1/events/batch", "[" + relation("cg-sens", 3, "device") + "]")
                .body()
                .get("accepted")
                .asInt())
        .isEqualTo(1);

    Http.Reply granted =
        http.post(
            "/api/v1/events/batch",
            "["
                + consent("cg-sens", "sensitive_data", true, "2026-05-06T10:00:00+08:00")
                + ","
                + relation("cg-sens", 4, "bank_card")
                + "]");
    assertThat(granted.body().get("accepted").asInt()).isEqualTo(2);

    post(
        http, "[" + consent("cg-sens", "sensitive_data", false, "2026-05-07T10:00:00+08:00") + "]");
    Http.Reply afterWithdrawal =
        http.post("/api/v1/events/batch", "[" + relation("cg-sens", 5, "contact") + "]");
    assertThat(afterWithdrawal.body().at("/rejected/0/reason").asText())
        .isEqualTo("CONSENT_MISSING");
    assertThat(
            eventually(
                "select count(*) from audit_log where action = 'CONSENT_REFUSED'"
                    + " and subject = 'user:cg-sens'",
                3))
        .isEqualTo(3);
  }

  @Test
  void theBulkChannelIsCheckedAndOnlyAnAuditedBackfillSkipsTheConsentCheck() {
    post(new Http(port), history("cg-bulk"));
    java.util.List<io.huaxiang.server.ingest.ParsedRecord> reports =
        java.util.List.of(
            io.huaxiang.server.ingest.ParsedRecord.ok(
                1, null, runtime.eventJson().read(bureau("cg-bulk", 1))));
    var bulk = runtime.ingest().ingest(reports, "bulk", "test", true);
    assertThat(bulk.accepted()).isZero();
    assertThat(count("select count(*) from events where event_id = 'cg-bulk-b1'")).isZero();

    var backfilled =
        io.huaxiang.server.demo.BulkLoader.backfill(
            runtime,
            java.util.List.of(runtime.eventJson().read(bureau("cg-bulk", 2))).iterator(),
            "history-2019",
            "staff:test-backfill",
            n -> {});
    assertThat(backfilled.accepted()).isEqualTo(1);
    assertThat(
            count(
                "select count(*) from audit_log where action = 'CONSENT_CHECK_BACKFILL'"
                    + " and actor = 'staff:test-backfill' and subject = 'ingest:history-2019'"))
        .isEqualTo(1);
  }

  @Test
  void sharingWithAThirdPartyExportsOnlyConsentedUsersAndAWithdrawalAppliesAtOnce() {
    Http http = new Http(port);
    post(http, history("cg-share-yes"));
    post(http, history("cg-share-no"));
    post(
        http,
        "["
            + consent("cg-share-yes", "third_party_sharing", true, "2026-05-06T10:00:00+08:00")
            + "]");
    assertThat(
            http.post("/api/v1/segments", "{\"name\":\"cg-share\",\"expression\":\"city == '上海'\"}")
                .status())
        .isEqualTo(201);
    String analysis = export(http, "analysis");
    assertThat(analysis).contains("cg-share-yes").contains("cg-share-no");
    String shared = export(http, "sharing");
    assertThat(shared).contains("cg-share-yes").doesNotContain("cg-share-no");

    post(
        http,
        "["
            + consent("cg-share-yes", "third_party_sharing", false, "2026-05-07T10:00:00+08:00")
            + "]");
    assertThat(export(http, "sharing")).doesNotContain("cg-share-yes");
    assertThat(
            count(
                "select count(*) from audit_log where action = 'SEGMENT_EXPORT'"
                    + " and purpose = 'sharing'"))
        .isEqualTo(2);
  }

  private String export(Http http, String purpose) {
    HttpResponse<String> r =
        http.raw("GET", "/api/v1/segments/cg-share/export.csv?purpose=" + purpose, null);
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  static String relation(String user, int n, String kind) {
    return """
        {"type":"relation","id":"%1$s-rel%2$d","user_id":"%1$s","source":"app",
         "occurred_at":"2026-05-05T10:00:00+08:00","kind":"%3$s","target":"t-%1$s-%2$d"}"""
        .formatted(user, n, kind);
  }

  static String consent(String user, String purpose, boolean granted, String at) {
    return """
        {"type":"consent_changed","id":"%1$s-%2$s-%3$s","user_id":"%1$s","source":"app",
         "occurred_at":"%4$s","purpose":"%2$s","granted":%3$s,"notice_version":"2026-01"}"""
        .formatted(user, purpose, granted, at);
  }

  @Test
  void scoringAUserNeedsCreditAssessmentConsentAndAWithdrawalAppliesAtOnce() {
    Http http = new Http(port);
    post(http, history("cg-score"));
    // consent given: the guard lets the request through to the model lookup (no such model)
    Http.Reply passed = http.post("/api/v1/models/424242/users/cg-score/score", "{}");
    assertThat(passed.status()).isEqualTo(404);

    post(
        http,
        """
        [{"type":"consent_changed","id":"cg-score-w","user_id":"cg-score","source":"app",
          "occurred_at":"2026-05-03T10:00:00+08:00","purpose":"credit_assessment",
          "granted":false,"notice_version":"2026-01"}]""");
    Http.Reply refused = http.post("/api/v1/models/424242/users/cg-score/score", "{}");

    assertThat(refused.status()).isEqualTo(451);
    assertThat(refused.body().get("reason").asText()).isEqualTo("CONSENT_MISSING");
    assertThat(refused.body().get("detail_zh").asText()).contains("信用评估");
    assertThat(
            count(
                "select count(*) from audit_log where action = 'CONSENT_REFUSED'"
                    + " and subject = 'user:cg-score' and purpose = 'CREDIT_ASSESSMENT'"))
        .isEqualTo(1);
    assertThat(trainingExtract()).doesNotContain("cg-score");
  }

  static String bureau(String user, int n) {
    return """
        {"type":"bureau_report","id":"%1$s-b%2$d","user_id":"%1$s","source":"pboc",
         "occurred_at":"2026-05-05T10:00:00+08:00","bureau":"pboc","inquiries3m":%2$d,
         "open_lines":1,"overdue_accounts":0,"platforms_borrowed":1}"""
        .formatted(user, n);
  }

  /** Seven events: registration, two consents, a phone link, a session, an application. */
  static String history(String user) {
    return "["
        + """
        {"type":"user_registered","id":"%1$s-r","user_id":"%1$s","source":"app",
         "occurred_at":"2026-05-01T10:00:00+08:00","birth_date":"1990-01-01","city":"上海",
         "city_tier":1},
        {"type":"consent_changed","id":"%1$s-c1","user_id":"%1$s","source":"app",
         "occurred_at":"2026-05-01T10:01:00+08:00","purpose":"credit_assessment","granted":true,
         "notice_version":"2026-01"},
        {"type":"consent_changed","id":"%1$s-c2","user_id":"%1$s","source":"app",
         "occurred_at":"2026-05-01T10:01:00+08:00","purpose":"marketing","granted":true,
         "notice_version":"2026-01"},
        {"type":"relation","id":"%1$s-p","user_id":"%1$s","source":"app","kind":"phone",
         "occurred_at":"2026-05-01T10:02:00+08:00","target":"13812345678"},
        %2$s,
        {"type":"loan_applied","id":"%1$s-a","user_id":"%1$s","source":"app",
         "occurred_at":"2026-05-02T10:00:00+08:00","application_id":"%1$s-app","amount":3000,
         "term_months":6,"purpose":"consumption"},
        {"type":"loan_decided","id":"%1$s-d","user_id":"%1$s","source":"app",
         "occurred_at":"2026-05-02T10:05:00+08:00","application_id":"%1$s-app",
         "outcome":"approved","approved_amount":3000}
        """
            .formatted(user, session(user, 1))
        + "]";
  }

  static String session(String user, int n) {
    return """
        {"type":"session","id":"%1$s-s%2$d","user_id":"%1$s","source":"app",
         "occurred_at":"2026-05-01T11:00:00+08:00","device_id":"dev-%1$s","ip":"10.0.0.%2$d"}"""
        .formatted(user, n);
  }

  static void post(Http http, String batch) {
    Http.Reply r = http.post("/api/v1/events/batch", batch);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    assertThat(r.body().get("rejected")).as(String.valueOf(r.body())).isEmpty();
  }

  private static JsonNode portrait(Http http, String user) {
    return http.get("/api/v1/users/" + user + "/portrait").body().get("features");
  }

  private static java.util.List<String> members(Http http, String segment) {
    java.util.List<String> out = new java.util.ArrayList<>();
    http.get("/api/v1/segments/" + segment + "/members")
        .body()
        .get("user_ids")
        .forEach(n -> out.add(n.asText()));
    return out;
  }

  private Http compliance() {
    return Http.as(port, "compliance");
  }

  private String trainingExtract() {
    HttpResponse<String> r = new Http(port).raw("GET", "/api/v1/models/training-extract", null);
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private long eventually(String sql, long expected) {
    long n = count(sql);
    for (int i = 0; i < 100 && n != expected; i++) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      n = count(sql);
    }
    return n;
  }

  private long count(String sql) {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private java.util.List<String> auditActions() {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select action from audit_log")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
