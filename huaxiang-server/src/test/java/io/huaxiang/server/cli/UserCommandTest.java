package io.huaxiang.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.server.security.ApiKeys;
import io.huaxiang.server.security.Passwords;
import io.huaxiang.store.ApiKeyStore;
import io.huaxiang.store.AuditQuery;
import io.huaxiang.store.AuditStore;
import io.huaxiang.store.Database;
import io.huaxiang.store.StaffUser;
import io.huaxiang.store.StaffUserStore;
import io.huaxiang.store.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UserCommandTest {
  private String dbUrl;
  private Database db;
  private StringWriter out;
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void database() {
    dbUrl = TestDatabase.freshUrl();
    db = Database.external(dbUrl, "postgres", null, 2).migrate();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void addsListsLocksAndUnlocksAnAccountWithAHashedPasswordAndAnAuditTrail() {
    assertThat(
            runWithInput(
                "a-long-password-1\n",
                "user",
                "add",
                "li.na",
                "--role",
                "risk_analyst",
                "--password-stdin",
                "--bcrypt-strength",
                "4"))
        .isEqualTo(0);
    StaffUser li = new StaffUserStore(db.dataSource()).find("li.na").orElseThrow();
    assertThat(li.role()).isEqualTo("risk_analyst");
    assertThat(li.passwordHash()).startsWith("{bcrypt}$2a$04$").doesNotContain("a-long-password-1");
    assertThat(Passwords.encoder(4).matches("a-long-password-1", li.passwordHash())).isTrue();

    assertThat(run("user", "list")).isEqualTo(0);
    assertThat(out.toString()).contains("li.na").contains("risk_analyst").contains("active");
    assertThat(run("user", "lock", "li.na")).isEqualTo(0);
    assertThat(run("user", "list")).isEqualTo(0);
    assertThat(out.toString()).contains("LOCKED");
    assertThat(run("user", "unlock", "li.na")).isEqualTo(0);
    assertThat(new StaffUserStore(db.dataSource()).find("li.na").orElseThrow().disabled())
        .isFalse();

    assertThat(
            new AuditStore(db.dataSource())
                .search(AuditQuery.latest(10).withSubject("staff:li.na")))
        .extracting(e -> e.action())
        .containsExactly("USER_UNLOCKED", "USER_LOCKED", "USER_CREATED");
  }

  @Test
  void refusesAShortPasswordAnUnknownRoleAndADuplicateWithExitCode2() {
    assertThat(runWithInput("short\n", "user", "add", "x", "--role", "admin", "--password-stdin"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("at least 12");
    assertThat(
            runWithInput(
                "a-long-password-1\n", "user", "add", "x", "--role", "boss", "--password-stdin"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown role 'boss'");
    assertThat(run("user", "lock", "nobody")).isEqualTo(2);
    assertThat(new StaffUserStore(db.dataSource()).list()).isEmpty();
  }

  @Test
  void createsAnApiKeyPrintedOnceStoredHashedAndRevokes() {
    assertThat(run("apikey", "create", "app-feed", "--scope", "ingest,decide")).isEqualTo(0);
    String key = out.toString().strip();
    assertThat(key).startsWith("hx_").hasSize(46);
    ApiKeys keys = new ApiKeys(new ApiKeyStore(db.dataSource()), Clock.systemUTC(), Duration.ZERO);
    assertThat(keys.check(key))
        .hasValueSatisfying(c -> assertThat(c.keyName()).isEqualTo("app-feed"));
    assertThat(run("apikey", "list")).isEqualTo(0);
    assertThat(out.toString()).contains("app-feed").contains("decide,ingest").doesNotContain(key);
    assertThat(run("apikey", "create", "bad", "--scope", "everything")).isEqualTo(2);
    assertThat(run("apikey", "revoke", "app-feed")).isEqualTo(0);
    assertThat(keys.check(key)).isEmpty();
    assertThat(run("apikey", "revoke", "app-feed")).isEqualTo(2);
  }

  private int runWithInput(String stdin, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(saved);
    }
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
