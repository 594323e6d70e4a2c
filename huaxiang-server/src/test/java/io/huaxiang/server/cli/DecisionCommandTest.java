package io.huaxiang.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.decision.ApplicationForm;
import io.huaxiang.core.decision.ApplicationIntake;
import io.huaxiang.core.decision.Decision;
import io.huaxiang.core.decision.DecisionEngine;
import io.huaxiang.core.decision.DecisionInputs;
import io.huaxiang.core.decision.IdentifierKind;
import io.huaxiang.core.decision.LendingPolicy;
import io.huaxiang.core.decision.LoanApplication;
import io.huaxiang.core.decision.ProductCatalogue;
import io.huaxiang.core.decision.Strategy;
import io.huaxiang.core.decision.StrategyLoader;
import io.huaxiang.core.decision.Velocity;
import io.huaxiang.core.privacy.CheckDigits;
import io.huaxiang.core.privacy.LookupHash;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.tag.PortraitSchema;
import io.huaxiang.store.Database;
import io.huaxiang.store.DecisionRecord;
import io.huaxiang.store.DecisionStore;
import io.huaxiang.store.FundingRequest;
import io.huaxiang.store.StrategyStore;
import io.huaxiang.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code huaxiang decision replay|simulate} over 10,000 stored decisions. */
class DecisionCommandTest {
  private static final int DECISIONS = 10_000;
  private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
  private static String dbUrl;
  private static Database db;
  private static String sample;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeAll
  static void storeDecisions() {
    dbUrl = TestDatabase.freshUrl();
    db = Database.external(dbUrl, "postgres", null, 8).migrate();
    LendingPolicy policy = LendingPolicy.standard();
    LocalDate day = LocalDate.of(2026, 11, 23);
    ProductCatalogue products =
        ProductCatalogue.sample(
            policy, new PortraitSchema(PortraitFeatures.catalogue()).schema(), day);
    StrategyLoader loader = new StrategyLoader(PortraitFeatures.catalogue(), products, policy);
    Strategy strategy = loader.sample(day);
    sample = strategy.source();
    new StrategyStore(db.dataSource())
        .upload(
            strategy.id(),
            strategy.version(),
            strategy.productId(),
            strategy.source(),
            strategy.fingerprint(),
            "test",
            START);
    DecisionEngine engine = new DecisionEngine(strategy, products, policy);
    ApplicationIntake intake =
        new ApplicationIntake(products, new LookupHash(new byte[32]), policy);
    DecisionStore store = new DecisionStore(db.dataSource());
    ObjectMapper json = DecisionCommand.json();
    IntStream.range(0, DECISIONS)
        .parallel()
        .forEach(
            i -> {
              Random r = new Random(i);
              Instant at = START.plusSeconds(20L * i);
              LoanApplication app = intake.accept(form(i, r), at);
              DecisionInputs in = engine.withCaps(inputs(r, at));
              Decision d = engine.decide(app, in);
              FundingRequest f =
                  d.needsFunding()
                      ? new FundingRequest(
                          "consumption",
                          day,
                          new BigDecimal("5000000"),
                          400,
                          BigDecimal.ONE,
                          d.approvedAmount(),
                          app.userId(),
                          policy.borrowerCap())
                      : null;
              store.commit(
                  app.requestId(),
                  f,
                  answer -> record(json, app, in, f == null ? d : d.funded(answer)),
                  at);
            });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static ApplicationForm form(int i, Random r) {
    String first17 =
        "110105"
            + LocalDate.of(1970, 1, 1).plusDays(r.nextInt(30 * 365)).toString().replace("-", "")
            + String.format("%03d", r.nextInt(1000));
    return new ApplicationForm(
        "req-" + i,
        "u-" + r.nextInt(3000),
        "consumption",
        BigDecimal.valueOf(1000 + r.nextInt(49) * 1000),
        new int[] {3, 6, 12, 24}[r.nextInt(4)],
        "consumption",
        BigDecimal.valueOf(3000 + r.nextInt(30000)),
        first17 + CheckDigits.residentIdCheck(first17),
        "139" + String.format("%08d", r.nextInt(100_000_000)),
        null,
        "dev-" + r.nextInt(5000),
        "10.0." + r.nextInt(256) + ".1",
        "杭州",
        "app");
  }

  private static DecisionInputs inputs(Random r, Instant at) {
    Map<String, Object> f = new HashMap<>();
    f.put("consent_credit_assessment", r.nextDouble() < 0.97);
    f.put("consent_credit_bureau_query", r.nextDouble() < 0.9);
    f.put("city", r.nextDouble() < 0.8 ? "杭州" : "上海");
    f.put("max_dpd_lifetime", (double) (r.nextDouble() < 0.8 ? 0 : r.nextInt(90)));
    f.put("max_dpd_90d", (double) (r.nextDouble() < 0.95 ? 0 : r.nextInt(60)));
    f.put("on_time_repayment_ratio_lifetime", 0.6 + 0.4 * r.nextDouble());
    f.put("account_age_days", (double) r.nextInt(1500));
    f.put("applications_count_30d", (double) r.nextInt(7));
    f.put("bureau_inquiries_3m", (double) r.nextInt(8));
    f.put("bureau_platforms_borrowed", (double) r.nextInt(7));
    f.put("outstanding_balance", (double) r.nextInt(20_000));
    f.put("active_days_30d", (double) r.nextInt(30));
    f.put("loans_disbursed_count_lifetime", (double) r.nextInt(4));
    Map<String, Long> velocity = new HashMap<>();
    for (String v : Velocity.variables()) {
      velocity.put(v, (long) r.nextInt(4));
    }
    Set<String> tags = r.nextDouble() < 0.3 ? Set.of("prime_repayer") : Set.of();
    return new DecisionInputs(
        f, tags, Set.of(), velocity, BigDecimal.valueOf(r.nextInt(60_000)), Set.of(), at);
  }

  private static DecisionRecord record(
      ObjectMapper json, LoanApplication app, DecisionInputs in, Decision d) {
    try {
      return new DecisionRecord(
          UUID.randomUUID(),
          app.requestId(),
          app.userId(),
          app.productId(),
          d.outcome().name(),
          app.amount(),
          d.approvedAmount(),
          d.score(),
          d.band(),
          d.strategy(),
          d.model(),
          "champion",
          d.decidedAt(),
          app.hash(IdentifierKind.ID),
          app.hash(IdentifierKind.PHONE),
          app.hash(IdentifierKind.DEVICE),
          app.hash(IdentifierKind.IP),
          null,
          json.writeValueAsString(app),
          json.writeValueAsString(in),
          json.writeValueAsString(d),
          null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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

  @Test
  void replayReproducesTenThousandDecisionsAndNamesATamperedOne() throws Exception {
    assertThat(run("decision", "replay")).as(out + " " + err).isEqualTo(0);
    assertThat(out.toString()).contains("replayed 10,000 decisions").contains("10,000 identical");
    String id;
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      var rs =
          s.executeQuery(
              "select decision_id from decisions where outcome = 'APPROVE' order by decided_at limit 1");
      rs.next();
      id = rs.getString(1);
      s.executeUpdate(
          "update decisions set decision = replace(decision, '\"outcome\":\"APPROVE\"', '\"outcome\":\"DECLINE\"') where decision_id = '"
              + id
              + "'");
    }
    out.getBuffer().setLength(0);
    assertThat(run("decision", "replay", "--from", "2026-11-20")).isEqualTo(1);
    assertThat(out.toString()).contains("1 different").contains(id);
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "update decisions set decision = replace(decision, '\"outcome\":\"DECLINE\"', '\"outcome\":\"APPROVE\"') where decision_id = '"
              + id
              + "'");
    }
  }

  @Test
  void simulateComparesACandidateWithWhatWasDecided(@TempDir Path dir) throws Exception {
    Path same = dir.resolve("same.yaml");
    Files.writeString(same, sample.replace("version: 1", "version: 9"));
    assertThat(run("decision", "simulate", "--strategy", same.toString()))
        .as(err.toString())
        .isEqualTo(0);
    String report = out.toString();
    assertThat(report).contains("over 10,000 applications");
    // the same rules decide the same way: no APPROVE becomes anything else
    assertThat(report).doesNotContain("APPROVE -> DECLINE").doesNotContain("APPROVE -> REVIEW");

    Path stricter = dir.resolve("stricter.yaml");
    Files.writeString(
        stricter,
        sample
            .replace("decline_below: 500", "decline_below: 600")
            .replace("decline_below: 520", "decline_below: 600")
            .replace("review_below: 530", "review_below: 600")
            .replace("review_below: 545", "review_below: 600"));
    out.getBuffer().setLength(0);
    assertThat(run("decision", "simulate", "--strategy", stricter.toString())).isEqualTo(0);
    assertThat(out.toString())
        .contains("APPROVE -> DECLINE")
        .contains("by segment")
        .contains("thin_file")
        .contains("expected loss");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, sample.replace("current_dpd > 0", "current_dpdd > 0"));
    assertThat(run("decision", "simulate", "--strategy", bad.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("current_dpdd").contains("策略无法加载");
  }
}
