package io.huaxiang.bench.decision;

import io.huaxiang.core.decision.ApplicationForm;
import io.huaxiang.core.decision.ApplicationIntake;
import io.huaxiang.core.decision.Decision;
import io.huaxiang.core.decision.DecisionEngine;
import io.huaxiang.core.decision.DecisionInputs;
import io.huaxiang.core.decision.LendingPolicy;
import io.huaxiang.core.decision.ListKind;
import io.huaxiang.core.decision.LoanApplication;
import io.huaxiang.core.decision.ProductCatalogue;
import io.huaxiang.core.decision.StrategyLoader;
import io.huaxiang.core.decision.Velocity;
import io.huaxiang.core.privacy.CheckDigits;
import io.huaxiang.core.privacy.LookupHash;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.tag.PortraitSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision in process: the sample strategy's stages with its fraud rules replaced by {@code
 * rules} generated ones in total, the scorecard, the line, and every term priced by IRR. Applicants
 * are taken round-robin from 4,096 prepared ones (user ids, devices and IPs drawn from 1,000,000
 * each), so branches are not perfectly predicted.
 *
 * <p>Run: {@code bench/decisioning.sh}, or {@code java -cp bench/target/classes:$(cat
 * bench/target/classpath.txt) org.openjdk.jmh.Main DecisionBenchmark -bm sample -tu us}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DecisionBenchmark {
  private static final int POOL = 4096;
  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");
  private static final List<String> NUMBERS =
      List.of(
          "velocity.id_24h",
          "velocity.device_7d",
          "velocity.ip_1h",
          "velocity.phone_7d",
          "bureau_inquiries_3m",
          "applications_count_30d",
          "account_age_days",
          "active_days_30d",
          "max_dpd_lifetime",
          "on_time_repayment_ratio_lifetime",
          "application.amount",
          "application.monthly_income");

  @Param({"20"})
  public int rules;

  private DecisionEngine engine;
  private LoanApplication[] applications;
  private DecisionInputs[] inputs;
  private int next;

  @Setup
  public void setUp() {
    LendingPolicy policy = LendingPolicy.standard();
    ProductCatalogue products =
        ProductCatalogue.sample(
            policy,
            new PortraitSchema(PortraitFeatures.catalogue()).schema(),
            LocalDate.of(2026, 11, 23));
    StrategyLoader loader = new StrategyLoader(PortraitFeatures.catalogue(), products, policy);
    engine =
        new DecisionEngine(
            loader.load(strategy(rules), LocalDate.of(2026, 11, 23)), products, policy);
    Random random = new Random(42);
    ApplicationIntake intake =
        new ApplicationIntake(products, new LookupHash(new byte[32]), policy);
    applications = new LoanApplication[POOL];
    inputs = new DecisionInputs[POOL];
    int[] terms = {3, 6, 12, 24};
    for (int i = 0; i < POOL; i++) {
      String first17 =
          "110105"
              + LocalDate.of(1970, 1, 1)
                  .plusDays(random.nextInt(30 * 365))
                  .toString()
                  .replace("-", "")
              + String.format("%03d", random.nextInt(1000));
      ApplicationForm form =
          new ApplicationForm(
              "r-" + i,
              "u-" + random.nextInt(1_000_000),
              "consumption",
              BigDecimal.valueOf(1000 + random.nextInt(49) * 1000),
              terms[random.nextInt(4)],
              "consumption",
              BigDecimal.valueOf(3000 + random.nextInt(30000)),
              first17 + CheckDigits.residentIdCheck(first17),
              "139" + String.format("%08d", random.nextInt(100_000_000)),
              null,
              "dev-" + random.nextInt(1_000_000),
              "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(16),
              "杭州",
              "app");
      applications[i] = intake.accept(form, NOW);
      inputs[i] = inputs(random);
    }
  }

  static DecisionInputs inputs(Random r) {
    return inputs(r, NOW);
  }

  /** Random inputs of one applicant decided at {@code at}. */
  static DecisionInputs inputs(Random r, Instant at) {
    Map<String, Object> f = new HashMap<>();
    f.put("consent_credit_assessment", r.nextDouble() < 0.98);
    f.put("consent_credit_bureau_query", r.nextDouble() < 0.9);
    f.put("city", r.nextDouble() < 0.8 ? "杭州" : "上海");
    f.put("max_dpd_lifetime", (double) (r.nextDouble() < 0.8 ? 0 : r.nextInt(90)));
    f.put("max_dpd_90d", (double) (r.nextDouble() < 0.95 ? 0 : r.nextInt(60)));
    f.put("current_dpd", (double) (r.nextDouble() < 0.97 ? 0 : 1 + r.nextInt(30)));
    f.put("on_time_repayment_ratio_lifetime", 0.6 + 0.4 * r.nextDouble());
    f.put("account_age_days", (double) r.nextInt(1500));
    f.put("applications_count_30d", (double) r.nextInt(6));
    f.put("bureau_inquiries_3m", (double) r.nextInt(8));
    f.put("bureau_platforms_borrowed", (double) r.nextInt(7));
    f.put("bureau_outstanding_debt", (double) r.nextInt(50_000));
    f.put("outstanding_balance", (double) r.nextInt(20_000));
    f.put("active_days_30d", (double) r.nextInt(30));
    f.put("night_activity_share_30d", r.nextDouble() * 0.4);
    f.put("loans_disbursed_count_lifetime", (double) r.nextInt(5));
    Map<String, Long> velocity = new HashMap<>();
    for (String v : Velocity.variables()) {
      velocity.put(v, (long) r.nextInt(3));
    }
    Set<ListKind> lists = r.nextDouble() < 0.01 ? Set.of(ListKind.GREY) : Set.of();
    Set<String> tags = r.nextDouble() < 0.3 ? Set.of("prime_repayer") : Set.of();
    return new DecisionInputs(
        f, tags, lists, velocity, BigDecimal.valueOf(r.nextInt(50_000)), Set.of(), at);
  }

  /** The sample strategy with {@code total} rules: its 5 own rules plus generated fraud rules. */
  static String strategy(int total) {
    String sample = resource("strategy-consumption.yaml");
    int start = sample.indexOf("fraud:\n");
    int end = sample.indexOf("\nscore:\n");
    StringBuilder fraud = new StringBuilder("fraud:\n  rules:\n");
    Random r = new Random(7);
    for (int i = 0; i < Math.max(0, total - 5); i++) {
      String a = NUMBERS.get(r.nextInt(NUMBERS.size()));
      String b = NUMBERS.get(r.nextInt(NUMBERS.size()));
      fraud
          .append("    - id: generated_")
          .append(i)
          .append('\n')
          .append("      when: \"")
          .append(a)
          .append(" > ")
          .append(threshold(a, r))
          .append(r.nextBoolean() ? " and " : " or ")
          .append(b)
          .append(" > ")
          .append(threshold(b, r))
          .append("\"\n")
          .append("      action: ")
          .append(r.nextBoolean() ? "flag" : "points\n      points: -" + (1 + r.nextInt(5)))
          .append('\n')
          .append("      code: GENERATED_")
          .append(i)
          .append('\n')
          .append("      zh: 生成规则 ")
          .append(i)
          .append('\n')
          .append("      en: generated rule ")
          .append(i)
          .append('\n');
    }
    return sample.substring(0, start) + fraud + sample.substring(end);
  }

  private static String threshold(String variable, Random r) {
    if (variable.startsWith("velocity.")) {
      return Integer.toString(3 + r.nextInt(5));
    }
    if (variable.startsWith("application.")) {
      return Integer.toString(20_000 + r.nextInt(40_000));
    }
    if (variable.contains("ratio")) {
      return "0.9" + r.nextInt(9);
    }
    return Integer.toString(5 + r.nextInt(40));
  }

  private static String resource(String name) {
    try (InputStream in = ProductCatalogue.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  public Decision decide() {
    int i = next++ & (POOL - 1);
    return engine.decide(applications[i], inputs[i]);
  }
}
