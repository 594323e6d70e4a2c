package io.huaxiang.bench.decision;

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
import io.huaxiang.core.privacy.CheckDigits;
import io.huaxiang.core.privacy.LookupHash;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.tag.PortraitSchema;
import io.huaxiang.store.Database;
import io.huaxiang.store.StrategyStore;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;

/**
 * Fills a data directory's embedded PostgreSQL with {@code n} past applications decided by the
 * sample strategy (random portraits, users, devices and IPs drawn from 1,000,000 values each),
 * written with COPY in chunks, so {@code huaxiang decision simulate} has a realistic history to run
 * over. Tops up an existing history to {@code n}; decisions are spread over 30 days.
 *
 * <p>Run: {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * io.huaxiang.bench.decision.PastApplications DATA_DIR 1000000}
 */
public final class PastApplications {
  private static final Instant START = Instant.parse("2026-10-24T00:00:00Z");
  private static final int CHUNK = 20_000;

  private PastApplications() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    long n = Long.parseLong(args[1]);
    try (Database db = Database.embedded(dataDir.resolve("pg"), 4).migrate()) {
      long have = count(db);
      if (have >= n) {
        System.out.printf("%,d past applications already stored%n", have);
        return;
      }
      LendingPolicy policy = LendingPolicy.standard();
      LocalDate day = LocalDate.of(2026, 11, 23);
      ProductCatalogue products =
          ProductCatalogue.sample(
              policy, new PortraitSchema(PortraitFeatures.catalogue()).schema(), day);
      StrategyLoader loader = new StrategyLoader(PortraitFeatures.catalogue(), products, policy);
      Strategy strategy = loader.sample(day);
      StrategyStore strategies = new StrategyStore(db.dataSource());
      if (strategies.find(strategy.id(), strategy.version()).isEmpty()) {
        strategies.upload(
            strategy.id(),
            strategy.version(),
            strategy.productId(),
            strategy.source(),
            strategy.fingerprint(),
            "bench",
            START);
      }
      DecisionEngine engine = new DecisionEngine(strategy, products, policy);
      ApplicationIntake intake =
          new ApplicationIntake(products, new LookupHash(new byte[32]), policy);
      ObjectMapper json = io.huaxiang.server.cli.BenchSupport.storageJson();
      long t0 = System.nanoTime();
      long deciding = 0;
      for (long from = have; from < n; from += CHUNK) {
        long to = Math.min(n, from + CHUNK);
        long t = System.nanoTime();
        String rows = chunk(from, to, n, engine, intake, json);
        deciding += System.nanoTime() - t;
        copy(db, rows);
        System.err.printf("\rstored %,d / %,d", to, n);
      }
      System.err.println();
      System.out.printf(
          "stored %,d past applications in %.1f s (%.1f s deciding, the rest writing)%n",
          n - have, (System.nanoTime() - t0) / 1e9, deciding / 1e9);
    }
  }

  private static String chunk(
      long from,
      long to,
      long n,
      DecisionEngine engine,
      ApplicationIntake intake,
      ObjectMapper json) {
    long spacingMillis = Math.max(1, 30L * 86_400_000 / n);
    String[] lines = new String[(int) (to - from)];
    IntStream.range(0, lines.length)
        .parallel()
        .forEach(
            k -> {
              long i = from + k;
              Random r = new Random(i);
              Instant at = START.plusMillis(i * spacingMillis);
              LoanApplication app = intake.accept(form(i, r), at);
              DecisionInputs in = engine.withCaps(DecisionBenchmark.inputs(r, at));
              Decision d = engine.decide(app, in);
              if (d.needsFunding()) {
                d = d.funded(io.huaxiang.core.decision.Funding.granted());
              }
              lines[k] = line(json, app, in, d, r);
            });
    return String.join("", lines);
  }

  private static ApplicationForm form(long i, Random r) {
    String first17 =
        "110105"
            + LocalDate.of(1970, 1, 1).plusDays(r.nextInt(30 * 365)).toString().replace("-", "")
            + String.format("%03d", r.nextInt(1000));
    return new ApplicationForm(
        "past-" + i,
        "u-" + r.nextInt(1_000_000),
        "consumption",
        BigDecimal.valueOf(1000 + r.nextInt(49) * 1000),
        new int[] {3, 6, 12, 24}[r.nextInt(4)],
        "consumption",
        BigDecimal.valueOf(3000 + r.nextInt(30000)),
        first17 + CheckDigits.residentIdCheck(first17),
        "139" + String.format("%08d", r.nextInt(100_000_000)),
        null,
        "dev-" + r.nextInt(1_000_000),
        "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(16),
        "杭州",
        "app");
  }

  private static String line(
      ObjectMapper json, LoanApplication app, DecisionInputs in, Decision d, Random r) {
    try {
      StringBuilder s = new StringBuilder(4096);
      field(s, new UUID(r.nextLong(), r.nextLong()).toString());
      field(s, app.requestId());
      field(s, app.userId());
      field(s, app.productId());
      field(s, d.outcome().name());
      field(s, app.amount().toPlainString());
      field(s, d.approvedAmount().toPlainString());
      field(s, d.score() == null ? null : d.score().toString());
      field(s, d.band());
      field(s, d.strategy());
      field(s, d.model());
      field(s, "champion");
      field(s, d.decidedAt().toString());
      field(s, app.hash(IdentifierKind.ID));
      field(s, app.hash(IdentifierKind.PHONE));
      field(s, app.hash(IdentifierKind.DEVICE));
      field(s, app.hash(IdentifierKind.IP));
      field(s, null);
      field(s, json.writeValueAsString(app));
      field(s, json.writeValueAsString(in));
      field(s, json.writeValueAsString(d));
      s.append("\\N\t");
      s.append(d.pd() == null ? "\\N" : d.pd().toString()).append('\n');
      return s.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void field(StringBuilder s, String v) {
    if (v == null) {
      s.append("\\N");
    } else {
      for (int i = 0; i < v.length(); i++) {
        char ch = v.charAt(i);
        switch (ch) {
          case '\\' -> s.append("\\\\");
          case '\t' -> s.append("\\t");
          case '\n' -> s.append("\\n");
          case '\r' -> s.append("\\r");
          default -> s.append(ch);
        }
      }
    }
    s.append('\t');
  }

  private static void copy(Database db, String rows) throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      c.unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "copy decisions (decision_id, request_id, user_id, product_id, outcome,"
                  + " requested_amount, approved_amount, score, band, strategy, model, arm,"
                  + " decided_at, id_hash, phone_hash, device_hash, ip_hash, card_hash,"
                  + " application, inputs, decision, shadow, pd) from stdin",
              new StringReader(rows));
    }
  }

  private static long count(Database db) throws Exception {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from decisions")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
