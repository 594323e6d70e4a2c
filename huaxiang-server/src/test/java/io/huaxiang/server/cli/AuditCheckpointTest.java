package io.huaxiang.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.audit.AuditEvent;
import io.huaxiang.store.AuditStore;
import io.huaxiang.store.Database;
import io.huaxiang.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A checkpoint published to the data dir catches what the chain alone cannot: the newest entries
 * deleted by someone who can write the table.
 */
class AuditCheckpointTest {
  @TempDir Path dataDir;
  private StringWriter out = new StringWriter();

  @Test
  void verifyFindsTheTailTruncatedAfterACheckpointWasPublished() throws Exception {
    String url = TestDatabase.freshUrl();
    try (Database db = Database.external(url, "postgres", null, 2).migrate()) {
      AuditStore audit = new AuditStore(db.dataSource());
      for (int i = 0; i < 5; i++) {
        audit.append(
            new AuditEvent(
                Instant.parse("2026-03-01T02:00:00Z").plusSeconds(i),
                "staff:li.na",
                "READ_PORTRAIT",
                "CREDIT_REVIEW",
                "user:u-" + i,
                ""));
      }

      assertThat(run(url, "audit", "checkpoint")).isZero();
      assertThat(out.toString()).contains("published / 已发布 5:");
      Path file;
      try (var files = Files.list(dataDir.resolve("audit"))) {
        file = files.findFirst().orElseThrow();
      }
      assertThat(Files.readString(file)).startsWith("5 ");
      // the checkpoint command is audited itself (entry 6); a second run publishes 6
      assertThat(run(url, "audit", "checkpoint")).isZero();
      assertThat(run(url, "audit", "verify")).isZero();
      assertThat(out.toString()).contains("对照已发布检查点 6:");

      try (Connection c = db.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute("alter table audit_log disable trigger audit_log_no_update_or_delete");
        s.execute("delete from audit_log where seq >= 5"); // the tail, chain still consistent
        s.execute("alter table audit_log enable trigger audit_log_no_update_or_delete");
      }

      assertThat(run(url, "audit", "verify")).isEqualTo(1);
      assertThat(out.toString()).contains("BROKEN").contains("newest entries removed");
    }
  }

  private int run(String url, String... args) {
    out = new StringWriter();
    CommandLine cli = new CommandLine(new HuaxiangCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db-url";
    all[args.length + 1] = url;
    all[args.length + 2] = "--data-dir";
    all[args.length + 3] = dataDir.toString();
    return cli.execute(all);
  }
}
