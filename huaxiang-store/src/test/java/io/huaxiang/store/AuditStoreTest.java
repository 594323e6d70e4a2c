package io.huaxiang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.core.audit.AuditEntry;
import io.huaxiang.core.audit.AuditEvent;
import io.huaxiang.core.audit.Checkpoint;
import io.huaxiang.core.audit.VerificationResult;
import io.huaxiang.core.audit.VerificationResult.Broken;
import io.huaxiang.core.audit.VerificationResult.Intact;
import io.huaxiang.core.audit.VerificationResult.Problem;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditStoreTest {
  private static final Instant T0 = Instant.parse("2026-03-01T02:00:00.123456789Z");
  private Database db;
  private AuditStore audit;

  @BeforeEach
  void open() {
    db = TestDatabase.fresh();
    audit = new AuditStore(db.dataSource(), 7);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static AuditEvent read(int i) {
    return new AuditEvent(
        T0.plus(Duration.ofMinutes(i)),
        "staff:analyst-" + (i % 3),
        i % 2 == 0 ? "READ_PORTRAIT" : "READ_TIMELINE",
        "CREDIT_REVIEW",
        "user:u-" + (i % 5),
        "GET /api/v1/users/u-" + (i % 5) + "/portrait");
  }

  private void appendReads(int n) {
    for (int i = 0; i < n; i++) {
      audit.append(read(i));
    }
  }

  @Test
  void appendsFromManyThreadsAndTwoProcessesIntoOneLinearIntactChain() throws Exception {
    List<AuditEntry> returned = new ArrayList<>();
    // a second pool stands for a second process: only the advisory lock orders the two
    try (Database other = Database.external(urlOf(db), "postgres", null, 4)) {
      List<AuditStore> stores = List.of(audit, new AuditStore(other.dataSource()));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<List<AuditEntry>>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        AuditStore store = stores.get(t % 2);
        int thread = t;
        done.add(
            pool.submit(
                () -> IntStream.range(0, 40).mapToObj(i -> store.append(read(thread))).toList()));
      }
      for (Future<List<AuditEntry>> f : done) {
        returned.addAll(f.get());
      }
      pool.shutdown();
    }

    VerificationResult result = audit.verify();
    assertThat(result).isInstanceOf(Intact.class);
    assertThat(((Intact) result).entries()).isEqualTo(320);
    assertThat(audit.count()).isEqualTo(320);
    assertThat(audit.head()).hasValueSatisfying(h -> assertThat(h.seq()).isEqualTo(320));
    // every caller got back its own entry, exactly as stored
    List<AuditEntry> stored = new ArrayList<>();
    audit.forEach(stored::add);
    assertThat(returned).containsExactlyInAnyOrderElementsOf(stored);
  }

  @Test
  void queuedAppendsReturnAtOnceAndAreAllStoredInOrderOfArrival() throws Exception {
    List<CompletableFuture<AuditEntry>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      futures.add(audit.appendLater(read(i)));
    }

    assertThat(audit.awaitStored(Duration.ofSeconds(30))).isTrue();
    assertThat(audit.backlog()).isZero();
    for (int i = 0; i < futures.size(); i++) {
      AuditEntry entry = futures.get(i).get();
      assertThat(entry.seq()).isEqualTo(i + 1);
      assertThat(entry.details()).isEqualTo(read(i).details());
    }
    assertThat(audit.verify()).isEqualTo(new Intact(200, futures.get(199).get().checkpoint()));
  }

  @Test
  void closeStoresWhatIsQueuedAndALaterAppendStillWorks() {
    for (int i = 0; i < 50; i++) {
      audit.appendLater(read(i));
    }

    assertThat(audit.close(Duration.ofSeconds(30))).isTrue();
    assertThat(audit.count()).isEqualTo(50);
    assertThat(audit.append(read(50)).seq()).isEqualTo(51);
  }

  @Test
  void aFailedGroupCommitFailsItsCallersWithAStoreException() throws SQLException {
    sql("alter table audit_log rename to audit_log_moved");

    assertThatThrownBy(() -> audit.append(read(0)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("the audit entry was not stored");
    sql("alter table audit_log_moved rename to audit_log");
    assertThat(audit.append(read(1)).seq()).isEqualTo(1);
  }

  @Test
  void appendsABatchInOneTransactionContinuingTheChain() {
    AuditEntry first = audit.append(read(0));

    List<AuditEntry> batch = audit.appendAll(List.of(read(1), read(2), read(3)));

    assertThat(batch).extracting(AuditEntry::seq).containsExactly(2L, 3L, 4L);
    assertThat(batch.get(0).prevHash()).isEqualTo(first.hash());
    assertThat(audit.appendAll(List.of())).isEmpty();
    assertThat(audit.verify()).isEqualTo(new Intact(4, batch.get(2).checkpoint()));
  }

  @Test
  void readsBackWhatWasAppendedInSeqOrder() {
    appendReads(3);
    AuditEntry fourth = audit.append(read(3));

    List<AuditEntry> all = new ArrayList<>();
    audit.forEach(all::add);

    assertThat(all).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(all.get(3)).isEqualTo(fourth);
    assertThat(all.get(3).prevHash()).isEqualTo(all.get(2).hash());
    assertThat(audit.verify()).isEqualTo(new Intact(4, fourth.checkpoint()));
  }

  @Test
  void verifyNamesTheEntryWhoseDetailsWereAlteredInSql() throws SQLException {
    appendReads(30);

    sql(
        "alter table audit_log disable trigger audit_log_no_update_or_delete",
        "update audit_log set details = 'GET /api/v1/users/u-0/events' where seq = 20");

    Broken broken = (Broken) audit.verify();
    assertThat(broken.seq()).isEqualTo(20);
    assertThat(broken.position()).isEqualTo(19);
    assertThat(broken.problem()).isEqualTo(Problem.CONTENT_ALTERED);
  }

  @Test
  void verifyNamesTheGapWhereAnEntryWasDeleted() throws SQLException {
    appendReads(30);

    sql(
        "alter table audit_log disable trigger audit_log_no_update_or_delete",
        "delete from audit_log where seq = 12");

    Broken broken = (Broken) audit.verify();
    assertThat(broken.problem()).isEqualTo(Problem.SEQUENCE_GAP);
    assertThat(broken.seq()).isEqualTo(13);
    assertThat(broken.explanation()).contains("expected seq 12, found 13");
  }

  @Test
  void verifyAgainstAPublishedCheckpointCatchesRemovalOfTheNewestEntries() throws SQLException {
    appendReads(20);
    Checkpoint published = audit.head().orElseThrow();

    sql(
        "alter table audit_log disable trigger audit_log_no_update_or_delete",
        "delete from audit_log where seq > 16");

    assertThat(audit.verify()).isInstanceOf(Intact.class);
    assertThat(((Broken) audit.verify(published)).problem()).isEqualTo(Problem.TRUNCATED);
  }

  @Test
  void theApplicationCannotUpdateDeleteOrTruncateTheLog() {
    appendReads(2);

    for (String statement :
        List.of(
            "update audit_log set actor = 'x' where seq = 1",
            "delete from audit_log where seq = 2",
            "truncate audit_log")) {
      assertThatThrownBy(() -> sql(statement))
          .as(statement)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("audit_log is append-only");
    }
    assertThat(audit.verify()).isInstanceOf(Intact.class);
  }

  @Test
  void searchesByActorActionSubjectAndTimeNewestFirstInPages() {
    appendReads(30);

    List<AuditEntry> byActor = audit.search(AuditQuery.latest(100).withActor("staff:analyst-1"));
    assertThat(byActor).hasSize(10).allMatch(e -> e.actor().equals("staff:analyst-1"));
    assertThat(byActor)
        .extracting(AuditEntry::seq)
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));

    List<AuditEntry> narrow =
        audit.search(
            AuditQuery.latest(100)
                .withAction("READ_PORTRAIT")
                .withSubject("user:u-0")
                .between(minute(0), minute(20)));
    // i in [0, 20) with i even and i % 5 == 0: 0 and 10
    assertThat(narrow).extracting(e -> e.seq()).containsExactly(11L, 1L);

    List<AuditEntry> first = audit.search(AuditQuery.latest(4));
    List<AuditEntry> second = audit.search(AuditQuery.latest(4).before(first.get(3).seq()));
    assertThat(first).extracting(AuditEntry::seq).containsExactly(30L, 29L, 28L, 27L);
    assertThat(second).extracting(AuditEntry::seq).containsExactly(26L, 25L, 24L, 23L);
  }

  @Test
  void badSearchesAreRefusedWithASpecificMessage() {
    assertThatThrownBy(() -> AuditQuery.latest(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and 10000");
    assertThatThrownBy(() -> AuditQuery.latest(5).between(T0, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time range is empty");
  }

  @Test
  void anEmptyLogIsIntact() {
    assertThat(audit.verify()).isEqualTo(new Intact(0, Checkpoint.GENESIS));
    assertThat(audit.head()).isEmpty();
  }

  private static Instant minute(int i) {
    return Instant.parse("2026-03-01T02:00:00Z").plus(Duration.ofMinutes(i));
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private static String urlOf(Database database) throws SQLException {
    try (Connection c = database.dataSource().getConnection()) {
      return c.getMetaData().getURL();
    }
  }
}
