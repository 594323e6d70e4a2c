package io.huaxiang.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.event.UserId;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {
  @TempDir Path dir;
  private String dbUrl;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void database() {
    dbUrl = TestDatabase.freshUrl();
  }

  @Test
  void importsJsonLinesReportingEachRefusedLineWithItsNumber() throws Exception {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(
        file,
        String.join(
                "\n",
                event("j-1", "jl", "100"),
                event("j-2", "jl", "-1"),
                "",
                "{not json",
                event("j-3", "jl", "300"),
                event("j-1", "jl", "100"))
            + "\n",
        StandardCharsets.UTF_8);

    int code = run("import", file.toString());

    assertThat(code).isEqualTo(ImportCommand.SOME_REFUSED);
    assertThat(out.toString()).contains("2 accepted", "1 duplicates ignored", "2 refused");
    List<String> rejected = Files.readAllLines(Path.of(file + ".rejected.jsonl"));
    assertThat(rejected).hasSize(2);
    assertThat(rejected.get(0)).contains("\"line\":2", "NEGATIVE_AMOUNT", "\"field\":\"amount\"");
    assertThat(rejected.get(1)).contains("\"line\":4", "MALFORMED_JSON");
    try (HuaxiangRuntime runtime = runtimeOn(dbUrl)) {
      assertThat(runtime.events().countForUser(new UserId("jl"))).isEqualTo(2);
      assertThat(runtime.profiles().find("jl")).isPresent();
    }
  }

  @Test
  void importsCsvTypingCellsByTheEventFields() throws Exception {
    Path file = dir.resolve("events.csv");
    Files.writeString(
        file,
        """
        type,id,user_id,occurred_at,source,application_id,amount,term_months,purpose,online,merchant_category
        loan_applied,c-1,cu,2026-03-01T10:00:00+08:00,app,ap1,2500,6,education,,
        transaction,c-2,cu,2026-03-02T10:00:00+08:00,pos,,88.50,,,false,grocery
        loan_applied,c-3,cu,2026-03-03T10:00:00+08:00,app,ap2,2500,six,education,,
        """,
        StandardCharsets.UTF_8);

    int code = run("import", file.toString());

    assertThat(code).isEqualTo(ImportCommand.SOME_REFUSED);
    String rejected = Files.readString(Path.of(file + ".rejected.jsonl"));
    assertThat(rejected).contains("\"line\":4", "WRONG_TYPE", "term_months");
    try (HuaxiangRuntime runtime = runtimeOn(dbUrl)) {
      assertThat(runtime.events().countForUser(new UserId("cu"))).isEqualTo(2);
    }
  }

  @Test
  void unusableInputExitsWithTwoAndAMessage() throws Exception {
    assertThat(run("import", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such file");

    Path odd = Files.writeString(dir.resolve("events.txt"), "x");
    assertThat(run("import", odd.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--format");

    Path noType = Files.writeString(dir.resolve("bad.csv"), "id,user_id\n1,2\n");
    assertThat(run("import", noType.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("'type' column");
  }

  static String event(String id, String user, String amount) {
    return "{\"type\":\"loan_applied\",\"id\":\""
        + id
        + "\",\"user_id\":\""
        + user
        + "\","
        + "\"occurred_at\":\"2026-03-01T10:00:00+08:00\",\"source\":\"file\",\"application_id\":\"a\","
        + "\"amount\":"
        + amount
        + ",\"term_months\":3,\"purpose\":\"consumption\"}";
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new HuaxiangCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db-url";
    all[args.length + 1] = dbUrl;
    return cli.execute(all);
  }

  static HuaxiangRuntime runtimeOn(String url) {
    DbOptions db = new DbOptions();
    db.dbUrl = url;
    db.dbUser = "postgres";
    db.dataDir = Path.of("huaxiang-data"); // the CLI default, so both use the same key file
    return CliRuntime.open(db);
  }
}
