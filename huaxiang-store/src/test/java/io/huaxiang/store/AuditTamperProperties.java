package io.huaxiang.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.audit.AuditEvent;
import io.huaxiang.core.audit.VerificationResult;
import io.huaxiang.core.audit.VerificationResult.Broken;
import io.huaxiang.core.audit.VerificationResult.Intact;
import io.huaxiang.core.audit.VerificationResult.Problem;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Whatever single row an attacker with database rights edits or deletes, in real PostgreSQL, {@link
 * AuditStore#verify()} names exactly that row (or, for a deletion, the row after the gap).
 */
class AuditTamperProperties {
  private static Database db;
  private static AuditStore audit;

  /** An edit of one column of one row, as SQL would make it. */
  record Edit(int entries, int seq, String column) {}

  @BeforeContainer
  static void open() throws SQLException {
    db = TestDatabase.fresh();
    audit = new AuditStore(db.dataSource(), 16);
    // the attacker is the database owner: the append-only trigger is no obstacle
    sql("alter table audit_log disable trigger user");
  }

  @AfterContainer
  static void close() {
    db.close();
  }

  @BeforeTry
  void empty() throws SQLException {
    sql("truncate audit_log");
  }

  @Property(tries = 25, seed = "42")
  void anEditedRowIsNamedAsAltered(@ForAll("edits") Edit edit) throws SQLException {
    append(edit.entries());

    String value =
        edit.column().equals("at") ? "at + interval '1 microsecond'" : edit.column() + " || '!'";
    sql("update audit_log set " + edit.column() + " = " + value + " where seq = " + edit.seq());

    VerificationResult result = audit.verify();
    assertThat(result).isInstanceOf(Broken.class);
    Broken broken = (Broken) result;
    assertThat(broken.seq()).isEqualTo(edit.seq());
    assertThat(broken.position()).isEqualTo(edit.seq() - 1);
    assertThat(broken.problem()).isEqualTo(Problem.CONTENT_ALTERED);
  }

  @Property(tries = 25, seed = "42")
  void aDeletedRowIsNamedByTheGapAfterIt(@ForAll("edits") Edit edit) throws SQLException {
    append(edit.entries());

    sql("delete from audit_log where seq = " + edit.seq());

    VerificationResult result = audit.verify();
    if (edit.seq() == edit.entries()) {
      // the newest row leaves no gap: only a published checkpoint reveals its removal
      assertThat(result).isEqualTo(new Intact(edit.entries() - 1, audit.head().orElseThrow()));
      return;
    }
    Broken broken = (Broken) result;
    assertThat(broken.problem()).isEqualTo(Problem.SEQUENCE_GAP);
    assertThat(broken.seq()).isEqualTo(edit.seq() + 1);
  }

  @Provide
  Arbitrary<Edit> edits() {
    Arbitrary<String> columns =
        Arbitraries.of(
            "at", "actor", "action", "purpose", "subject", "details", "prev_hash", "hash");
    return Arbitraries.integers()
        .between(2, 40)
        .flatMap(
            n ->
                Combinators.combine(Arbitraries.integers().between(1, n), columns)
                    .as((seq, column) -> new Edit(n, seq, column)));
  }

  private static void append(int n) {
    List<AuditEvent> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      events.add(
          new AuditEvent(
              Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i),
              "staff:" + (i % 4),
              "READ_PORTRAIT",
              "CREDIT_REVIEW",
              "user:u-" + i,
              "GET /api/v1/users/u-" + i + "/portrait"));
    }
    audit.appendAll(events);
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
