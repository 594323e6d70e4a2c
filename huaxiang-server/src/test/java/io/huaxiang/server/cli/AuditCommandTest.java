package io.huaxiang.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.audit.AuditEntry;
import io.huaxiang.core.audit.AuditEvent;
import io.huaxiang.core.audit.VerificationResult.Intact;
import io.huaxiang.store.AuditQuery;
import io.huaxiang.store.AuditStore;
import io.huaxiang.store.Database;
import io.huaxiang.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AuditCommandTest {
  private String dbUrl;
  private Database db;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void database() {
    dbUrl = TestDatabase.freshUrl();
    db = Database.external(dbUrl, "postgres", null, 2).migrate();
    AuditStore audit = new AuditStore(db.dataSource());
    for (int i = 0; i < 6; i++) {
      audit.append(
          new AuditEvent(
              Instant.parse("2026-03-01T02:00:00Z").plusSeconds(60L * i),
              i < 3 ? "staff:li.na" : "staff:wang.wei",
              "READ_PORTRAIT",
              "CREDIT_REVIEW",
              "user:u-" + (i % 2),
              ""));
    }
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void verifyExitsZeroOnAnIntactLogAndPrintsItsHead() {
    assertThat(run("audit", "verify")).isEqualTo(0);
    assertThat(out.toString()).contains("intact", "6 entries", "head 6:");
  }

  @Test
  void verifyExitsOneAndPrintsTheFirstBrokenEntry() throws Exception {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("alter table audit_log disable trigger audit_log_no_update_or_delete");
      s.execute("update audit_log set actor = 'staff:nobody' where seq = 4");
    }

    assertThat(run("audit", "verify")).isEqualTo(1);
    assertThat(out.toString())
        .contains("BROKEN", "at seq 4 (entry #4)", "entry content was altered")
        .contains("first broken entry / 第一个异常条目: seq=4 ")
        .contains("actor=staff:nobody");
  }

  @Test
  void verifyAgainstAPublishedCheckpointThatWasNeverReachedIsBroken() {
    assertThat(run("audit", "verify", "--checkpoint", "9:" + "a".repeat(64))).isEqualTo(1);
    assertThat(run("audit", "verify", "--checkpoint", "nine")).isEqualTo(2);
    assertThat(err.toString()).contains("--checkpoint 'nine' is not valid");
  }

  @Test
  void searchPrintsMatchingEntriesAsJsonLinesNewestFirst() {
    assertThat(run("audit", "search", "--actor", "staff:li.na", "--subject", "user:u-0")).isZero();

    String[] lines = out.toString().strip().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).contains("\"seq\":3", "\"actor\":\"staff:li.na\"", "\"prev_hash\":");
    assertThat(lines[1]).contains("\"seq\":1");
    assertThat(run("audit", "search", "--limit", "0")).isEqualTo(2);
    assertThat(run("audit", "search", "--from", "yesterday")).isEqualTo(2);
    assertThat(err.toString()).contains("between 1 and 10000", "--from 'yesterday'");
  }

  @Test
  void searchingAndVerifyingAreThemselvesAudited() {
    run("audit", "search", "--subject", "user:u-1", "--purpose", "PIPL_ACCESS_REQUEST");
    run("audit", "verify");

    AuditStore audit = new AuditStore(db.dataSource());
    List<AuditEntry> recorded = audit.search(AuditQuery.latest(2));
    assertThat(recorded.get(1).action()).isEqualTo("AUDIT_SEARCH");
    assertThat(recorded.get(1).actor()).startsWith("cli:");
    assertThat(recorded.get(1).purpose()).isEqualTo("PIPL_ACCESS_REQUEST");
    assertThat(recorded.get(1).subject()).isEqualTo("user:u-1");
    assertThat(recorded.get(1).details()).endsWith("-> 3 entries");
    assertThat(recorded.get(0).action()).isEqualTo("AUDIT_VERIFY");
    assertThat(recorded.get(0).details()).isEqualTo("intact through 7");
    assertThat(audit.verify()).isInstanceOf(Intact.class);
  }

  private int run(String... args) {
    out = new StringWriter();
    CommandLine cli = new CommandLine(new HuaxiangCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] withDb = new String[args.length + 2];
    System.arraycopy(args, 0, withDb, 0, args.length);
    withDb[args.length] = "--db-url";
    withDb[args.length + 1] = dbUrl;
    return cli.execute(withDb);
  }
}
