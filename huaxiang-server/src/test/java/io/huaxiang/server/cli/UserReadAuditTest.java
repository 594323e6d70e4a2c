package io.huaxiang.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.audit.AuditEntry;
import io.huaxiang.core.event.EventId;
import io.huaxiang.core.event.SessionStarted;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.store.AuditQuery;
import io.huaxiang.store.AuditStore;
import io.huaxiang.store.Database;
import io.huaxiang.store.EventStore;
import io.huaxiang.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI's reads of one person's data are audited like the API's (issue 3, item 9). */
class UserReadAuditTest {
  private static String dbUrl;
  private static Database db;

  @BeforeAll
  static void database() {
    dbUrl = TestDatabase.freshUrl();
    db = Database.external(dbUrl, "postgres", null, 2).migrate();
    new EventStore(db.dataSource(), new EventJson())
        .append(
            List.of(
                new SessionStarted(
                    new EventId("cli-read-1"),
                    new UserId("u-cli-read"),
                    Instant.parse("2026-03-01T02:00:00Z"),
                    "app",
                    "dev-1",
                    "10.0.0.1",
                    "上海")),
            Instant.parse("2026-03-01T02:00:01Z"));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void portraitAndEventsReadsNameTheOperatorThePurposeAndTheUser() {
    assertThat(run("portrait", "u-cli-read", "--purpose", "CREDIT_REVIEW")).isEqualTo(0);
    assertThat(run("events", "u-cli-read")).isEqualTo(0);

    List<AuditEntry> entries = new AuditStore(db.dataSource()).search(AuditQuery.latest(10));
    assertThat(entries)
        .extracting(e -> e.action() + " " + e.purpose() + " " + e.subject())
        .contains(
            "READ_PORTRAIT CREDIT_REVIEW user:u-cli-read",
            "READ_TIMELINE unspecified user:u-cli-read");
    assertThat(entries).allSatisfy(e -> assertThat(e.actor()).startsWith("cli:"));
  }

  private static int run(String... args) {
    CommandLine cli = new CommandLine(new HuaxiangCli());
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    String[] withDb = new String[args.length + 2];
    System.arraycopy(args, 0, withDb, 0, args.length);
    withDb[args.length] = "--db-url";
    withDb[args.length + 1] = dbUrl;
    return cli.execute(withDb);
  }
}
