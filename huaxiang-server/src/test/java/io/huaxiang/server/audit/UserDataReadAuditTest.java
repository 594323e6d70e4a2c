package io.huaxiang.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.huaxiang.core.audit.AuditEntry;
import io.huaxiang.core.audit.VerificationResult.Intact;
import io.huaxiang.store.AuditQuery;
import io.huaxiang.store.AuditStore;
import io.huaxiang.store.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
  }

  @Test
  void readingAPortraitAppendsAnEntryWithActorPurposeAndSubject() throws Exception {
    audit.awaitStored(Duration.ofSeconds(10));
    long before = audit.count();
    post(
        """
        {"type":"loan_applied","id":"au-1","user_id":"au","occurred_at":"2026-03-01T10:00:00+08:00",
         "source":"app","application_id":"ap-au-1","amount":3000,"term_months":6,"purpose":"consumption"}
        """);
    assertThat(audit.count()).as("writing an event is not a read").isEqualTo(before);

    int status =
        get(
            "/api/v1/users/au/portrait",
            "X-Huaxiang-Actor",
            "staff:li.na",
            "X-Huaxiang-Purpose",
            "CREDIT_REVIEW");

    assertThat(status).isEqualTo(200);
    assertThat(audit.awaitStored(Duration.ofSeconds(10))).isTrue();
    List<AuditEntry> entries = audit.search(AuditQuery.latest(10).withSubject("user:au"));
    assertThat(entries).hasSize(1);
    AuditEntry entry = entries.get(0);
    assertThat(entry.actor()).isEqualTo("staff:li.na");
    assertThat(entry.action()).isEqualTo("READ_PORTRAIT");
    assertThat(entry.purpose()).isEqualTo("CREDIT_REVIEW");
    assertThat(entry.details()).isEqualTo("GET /api/v1/users/au/portrait");
    assertThat(audit.verify()).isInstanceOf(Intact.class);
  }

  @Test
  void timelineReadsAndFailedReadsAreAuditedTooAnonymousUntilAuthenticationLands()
      throws Exception {
    get("/api/v1/users/nobody-here/events?page=0&size=5");
    assertThat(audit.awaitStored(Duration.ofSeconds(10))).isTrue();

    List<AuditEntry> entries = audit.search(AuditQuery.latest(10).withSubject("user:nobody-here"));
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).action()).isEqualTo("READ_TIMELINE");
    assertThat(entries.get(0).actor()).isEqualTo("anonymous");
    assertThat(entries.get(0).purpose()).isEqualTo("unspecified");
    assertThat(entries.get(0).details())
        .isEqualTo("GET /api/v1/users/nobody-here/events?page=0&size=5");
  }

  @Test
  void aPhoneNumberUsedAsUserIdIsStoredMasked() throws Exception {
    get("/api/v1/users/13812345678/portrait");
    assertThat(audit.awaitStored(Duration.ofSeconds(10))).isTrue();

    AuditEntry entry = audit.search(AuditQuery.latest(1)).get(0);
    assertThat(entry.subject()).isEqualTo("user:138****5678");
    assertThat(entry.details()).doesNotContain("13812345678");
  }

  @Test
  void deadLettersAndTheUserListAreAuditedAsReadsOfPersonalData() throws Exception {
    get(
        "/api/v1/ops/dead-letters",
        "X-Huaxiang-Actor",
        "staff:ops",
        "X-Huaxiang-Purpose",
        "FIX_FEED");
    get("/api/v1/population/users?limit=5", "X-Huaxiang-Actor", "staff:ops");
    get("/api/v1/catalogue/features");
    assertThat(audit.awaitStored(Duration.ofSeconds(10))).isTrue();

    List<AuditEntry> recent = audit.search(AuditQuery.latest(10).withActor("staff:ops"));
    assertThat(recent)
        .extracting(AuditEntry::action, AuditEntry::subject, AuditEntry::purpose)
        .containsExactly(
            tuple("LIST_USERS", "population", "unspecified"),
            tuple("READ_DEAD_LETTERS", "dead_letters", "FIX_FEED"));
    assertThat(audit.search(AuditQuery.latest(1000)))
        .as("the catalogue holds no personal data and is not audited")
        .noneMatch(e -> e.details().contains("catalogue"));
  }

  private int get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private void post(String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri("/api/v1/events"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(202);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
