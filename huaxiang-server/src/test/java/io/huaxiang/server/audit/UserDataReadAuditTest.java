package io.huaxiang.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.huaxiang.core.audit.AuditEntry;
import io.huaxiang.core.audit.VerificationResult.Intact;
import io.huaxiang.server.Http;
import io.huaxiang.store.AuditQuery;
import io.huaxiang.store.AuditStore;
import io.huaxiang.store.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// close this context (and its database pool) right after the class, while the test database
// still runs; closing everything at JVM exit raced the database shutdown
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserDataReadAuditTest {
  @LocalServerPort int port;
  @Autowired AuditStore audit;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
  }

  @Test
  void readingAPortraitAppendsAnEntryWithActorPurposeAndSubject() throws Exception {
    Http admin = new Http(port);
    admin.get("/api/v1/auth/me"); // signing in is audited too: do it before counting
    audit.awaitStored(Duration.ofSeconds(10));
    long before = audit.count();
    post(
        admin,
        """
        {"type":"loan_applied","id":"au-1","user_id":"au","occurred_at":"2026-03-01T10:00:00+08:00",
         "source":"app","application_id":"ap-au-1","amount":3000,"term_months":6,"purpose":"consumption"}
        """);
    assertThat(audit.count()).as("writing an event is not a read").isEqualTo(before);

    // a declared actor header is ignored: the actor is whoever signed in
    int status =
        Http.as(port, "risk_analyst")
            .get(
                "/api/v1/users/au/portrait",
                "X-Huaxiang-Actor",
                "staff:li.na",
                "X-Huaxiang-Purpose",
                "CREDIT_REVIEW")
            .status();

    assertThat(status).isEqualTo(200);
    assertThat(audit.awaitStored(Duration.ofSeconds(10))).isTrue();
    List<AuditEntry> entries = audit.search(AuditQuery.latest(10).withSubject("user:au"));
    assertThat(entries).hasSize(1);
    AuditEntry entry = entries.get(0);
    assertThat(entry.actor()).isEqualTo("staff:risk_analyst");
    assertThat(entry.action()).isEqualTo("READ_PORTRAIT");
    assertThat(entry.purpose()).isEqualTo("CREDIT_REVIEW");
    assertThat(entry.details()).isEqualTo("GET /api/v1/users/au/portrait");
    assertThat(audit.verify()).isInstanceOf(Intact.class);
  }

  @Test
  void timelineReadsAndFailedReadsAreAuditedToo() throws Exception {
    Http.as(port, "risk_ops").get("/api/v1/users/nobody-here/events?page=0&size=5");
    assertThat(audit.awaitStored(Duration.ofSeconds(10))).isTrue();

    List<AuditEntry> entries = audit.search(AuditQuery.latest(10).withSubject("user:nobody-here"));
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).action()).isEqualTo("READ_TIMELINE");
    assertThat(entries.get(0).actor()).isEqualTo("staff:risk_ops");
    assertThat(entries.get(0).purpose()).isEqualTo("unspecified");
    assertThat(entries.get(0).details())
        .isEqualTo("GET /api/v1/users/nobody-here/events?page=0&size=5");
  }

  @Test
  void aPhoneNumberUsedAsUserIdIsStoredMasked() throws Exception {
    new Http(port).get("/api/v1/users/13812345678/portrait");
    assertThat(audit.awaitStored(Duration.ofSeconds(10))).isTrue();

    AuditEntry entry = audit.search(AuditQuery.latest(1)).get(0);
    assertThat(entry.subject()).isEqualTo("user:138****5678");
    assertThat(entry.details()).doesNotContain("13812345678");
  }

  @Test
  void deadLettersAndTheUserListAreAuditedAsReadsOfPersonalData() throws Exception {
    Http ops = Http.as(port, "risk_ops");
    ops.get("/api/v1/ops/dead-letters", "X-Huaxiang-Purpose", "FIX_FEED");
    ops.get("/api/v1/population/users?limit=5");
    ops.get("/api/v1/catalogue/features");
    assertThat(audit.awaitStored(Duration.ofSeconds(10))).isTrue();

    List<AuditEntry> recent = audit.search(AuditQuery.latest(10).withActor("staff:risk_ops"));
    assertThat(recent)
        .filteredOn(e -> !e.action().equals("LOGIN"))
        .extracting(AuditEntry::action, AuditEntry::subject, AuditEntry::purpose)
        .containsExactly(
            tuple("LIST_USERS", "population", "unspecified"),
            tuple("READ_DEAD_LETTERS", "dead_letters", "FIX_FEED"));
    assertThat(audit.search(AuditQuery.latest(1000)))
        .as("the catalogue holds no personal data and is not audited")
        .noneMatch(e -> e.details().contains("catalogue"));
  }

  private void post(Http http, String json) {
    assertThat(http.post("/api/v1/events", json).status()).isEqualTo(202);
  }
}
