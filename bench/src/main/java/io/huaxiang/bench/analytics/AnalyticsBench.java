package io.huaxiang.bench.analytics;

import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.core.expr.Bindings;
import io.huaxiang.core.expr.CompiledExpression;
import io.huaxiang.core.expr.Expressions;
import io.huaxiang.core.expr.Schema;
import io.huaxiang.core.expr.ValueType;
import io.huaxiang.core.profile.FeatureValues;
import io.huaxiang.core.tag.PortraitSchema;
import io.huaxiang.core.tag.TagRule;
import io.huaxiang.server.analytics.ChurnModel;
import io.huaxiang.server.analytics.ChurnService;
import io.huaxiang.server.cli.BenchSupport;
import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.console.PopulationAnalytics;
import io.huaxiang.server.console.PopulationQueries;
import io.huaxiang.server.console.PopulationScope;
import io.huaxiang.server.demo.BulkLoader;
import io.huaxiang.store.PortraitFeatureColumns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Analytics benchmarks on embedded PostgreSQL and in memory, each on real demo portraits.
 *
 * <ul>
 *   <li>{@code distribution ROWS SEED_USERS}: loads SEED_USERS demo users through the normal
 *       ingestion path, copies their stored portraits (features, tags; the folded state, which no
 *       population query reads and which PostgreSQL keeps out of line, as an empty document) and
 *       their typed features ({@code portrait_features}) to ROWS rows with new user ids, then times
 *       the distribution, category-share, cross-tab and overview queries;
 *   <li>{@code segment ROWS SEED_USERS}: the seed users' feature values and tags copied to ROWS
 *       portraits held column-wise, then times evaluating a compiled segment over all of them;
 *   <li>{@code churn USERS}: loads USERS demo users, trains and validates the churn model.
 * </ul>
 */
public final class AnalyticsBench {
  private static final PopulationScope ALL = PopulationScope.ALL;
  static final Instant END = Instant.parse("2026-06-30T16:00:00Z");
  static final String SEGMENT =
      "age between 20 and 40 and city_tier in (1, 2) and max_dpd_90d = 0 and has_tag('night_owl')";

  private AnalyticsBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "distribution" -> distribution(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      case "segment" -> segment(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      case "churn" -> churn(Integer.parseInt(args[1]));
      default -> throw new IllegalArgumentException("distribution | segment | churn");
    }
  }

  private static HuaxiangRuntime runtime(int users) throws Exception {
    Path dir = Files.createTempDirectory("huaxiang-bench-analytics");
    HuaxiangProperties settings = new HuaxiangProperties(dir, null, null, null, null, null);
    HuaxiangRuntime rt =
        new HuaxiangRuntime(
            HuaxiangRuntime.openDatabase(settings),
            settings,
            BenchSupport.json(),
            Clock.fixed(END, java.time.ZoneOffset.UTC));
    rt.portraits().start();
    long t = System.nanoTime();
    BulkLoader.backfill(
        rt, new DemoPopulation(42, users, END).events().iterator(), "bench", "bench", n -> {});
    System.out.printf(
        Locale.ROOT, "loaded %,d demo users in %.1f s%n", users, (System.nanoTime() - t) / 1e9);
    return rt;
  }

  // --- distribution queries over ROWS stored portraits

  private static void distribution(int rows, int seedUsers) throws Exception {
    try (HuaxiangRuntime rt = runtime(seedUsers)) {
      int copies = (rows + seedUsers - 1) / seedUsers;
      long t = System.nanoTime();
      long total;
      try (Connection c = rt.database().dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "insert into profiles (user_id, format_version, event_count, last_event_at, state,"
                + " features, tags, tag_since, updated_at)"
                + " select p.user_id || '-c' || g, format_version, event_count, last_event_at,"
                + " '{}', features, tags, tag_since, updated_at"
                + " from profiles p cross join generate_series(1, "
                + (copies - 1)
                + ") g");
        // the typed features analytics read, copied alongside (the projector writes both)
        String columns =
            PortraitFeatureColumns.features().stream()
                .map(f -> f.name())
                .collect(java.util.stream.Collectors.joining(", "));
        s.execute(
            "insert into portrait_features (user_id, last_event_at, "
                + columns
                + ") select f.user_id || '-c' || g, f.last_event_at, "
                + columns
                + " from portrait_features f cross join generate_series(1, "
                + (copies - 1)
                + ") g");
        s.execute("vacuum analyze profiles");
        s.execute("vacuum analyze portrait_features");
        try (var rs =
            s.executeQuery(
                "select (select count(*) from profiles), count(*),"
                    + " pg_size_pretty(pg_total_relation_size('profiles')),"
                    + " pg_size_pretty(pg_total_relation_size('portrait_features'))"
                    + " from portrait_features")) {
          rs.next();
          System.out.printf(
              Locale.ROOT,
              "profiles: %,d rows, %s; portrait_features: %,d rows, %s (copied in %.1f s)%n",
              rs.getLong(1),
              rs.getString(3),
              rs.getLong(2),
              rs.getString(4),
              (System.nanoTime() - t) / 1e9);
          total = rs.getLong(2);
        }
      }
      Map<String, String[]> tags = new HashMap<>();
      for (TagRule r : rt.portraits().engine().tagRules().rules()) {
        tags.put(r.id(), new String[] {r.labelZh(), r.labelEn()});
      }
      PopulationAnalytics a =
          new PopulationAnalytics(
              rt.database().dataSource(),
              rt.portraits().engine().zone(),
              rt.portraits().engine().catalogue(),
              tags);
      long all = total;
      time(
          "histogram of application_amount_sum_lifetime",
          () -> checked(a.distribution("application_amount_sum_lifetime", 20, ALL).users(), all));
      time(
          "shares of income_band",
          () -> checked(a.distribution("income_band", 20, ALL).users(), all));
      time(
          "crosstab age_band x city_tier",
          () -> checked(a.crossTab("age_band", "city_tier", 6, ALL).users(), all));
      time(
          "histogram of age, tag night_owl",
          () ->
              a.distribution("age", 20, new PopulationScope("night_owl", null, null, null))
                  .users());
      PopulationQueries q =
          new PopulationQueries(rt.database().dataSource(), rt.portraits().engine().zone());
      time(
          "overview demographics (5 dimensions)",
          () -> q.demographics(ALL).get(0).buckets().stream().mapToLong(b -> b.count()).sum());
    }
  }

  /** The query counted every user: the bench measures the whole population, not a part. */
  private static long checked(long users, long expected) {
    if (users != expected) {
      throw new IllegalStateException("counted " + users + " users of " + expected);
    }
    return users;
  }

  private interface Query {
    long run() throws Exception;
  }

  private static void time(String what, Query q) throws Exception {
    double first = 0;
    double best = Double.MAX_VALUE;
    long users = 0;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      users = q.run();
      double s = (System.nanoTime() - t) / 1e9;
      first = i == 0 ? s : first;
      best = Math.min(best, s);
    }
    System.out.printf(
        Locale.ROOT, "%-40s users=%,d first=%.2f s best=%.2f s%n", what, users, first, best);
  }

  // --- segment evaluation over ROWS portraits in memory

  private static void segment(int rows, int seedUsers) throws Exception {
    List<FeatureValues> seedValues = new ArrayList<>();
    List<Set<String>> seedTags = new ArrayList<>();
    PortraitSchema schema;
    try (HuaxiangRuntime rt = runtime(seedUsers)) {
      schema = new PortraitSchema(rt.portraits().engine().catalogue());
      rt.portraits()
          .forEachAt(
              rt.portraits().latestEventAt(),
              (user, values, tags, state) -> {
                seedValues.add(values);
                seedTags.add(Set.copyOf(tags));
              });
    }
    Columns columns = new Columns(schema, seedValues, seedTags, rows);
    CompiledExpression e = Expressions.compileCondition(SEGMENT, schema.schema());
    System.out.printf(Locale.ROOT, "segment: %s%n", SEGMENT);
    for (int round = 0; round < 5; round++) {
      long t = System.nanoTime();
      long single = columns.count(e, 0, rows);
      double s1 = (System.nanoTime() - t) / 1e9;
      t = System.nanoTime();
      int chunk = 65_536;
      long parallel =
          IntStream.range(0, (rows + chunk - 1) / chunk)
              .parallel()
              .mapToLong(i -> columns.count(e, i * chunk, Math.min(rows, (i + 1) * chunk)))
              .sum();
      double s2 = (System.nanoTime() - t) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %d: %,d of %,d portraits match; one thread %.3f s, all cores %.3f s%n",
          round,
          single,
          rows,
          s1,
          s2);
      if (single != parallel) {
        throw new IllegalStateException("single and parallel counts differ");
      }
    }
  }

  /** Portraits held column by column, as a bulk evaluator over the snapshots would hold them. */
  static final class Columns {
    final int rows;
    final double[][] numbers;
    final String[][] texts;
    final byte[][] bools; // 0 false, 1 true, 2 missing
    final long[] tagMasks;
    final Map<String, Integer> tagBits = new HashMap<>();

    Columns(PortraitSchema schema, List<FeatureValues> seed, List<Set<String>> tags, int rows) {
      this.rows = rows;
      Schema s = schema.schema();
      numbers = new double[s.size()][];
      texts = new String[s.size()][];
      bools = new byte[s.size()][];
      tagMasks = new long[rows];
      for (Schema.Variable v : s.variables()) {
        int slot = v.slot();
        if (v.type() == ValueType.NUMBER) {
          numbers[slot] = new double[rows];
        } else if (v.type() == ValueType.TEXT) {
          texts[slot] = new String[rows];
        } else {
          bools[slot] = new byte[rows];
        }
      }
      for (int i = 0; i < rows; i++) {
        int from = i % seed.size();
        Bindings b = schema.bind(seed.get(from), tags.get(from));
        for (Schema.Variable v : s.variables()) {
          int slot = v.slot();
          if (numbers[slot] != null) {
            numbers[slot][i] = b.number(slot);
          } else if (texts[slot] != null) {
            texts[slot][i] = b.text(slot);
          } else {
            bools[slot][i] = b.isMissing(slot) ? (byte) 2 : b.bool(slot) ? (byte) 1 : 0;
          }
        }
        long mask = 0;
        for (String t : tags.get(from)) {
          int bit = tagBits.computeIfAbsent(t, k -> tagBits.size());
          mask |= 1L << bit;
        }
        tagMasks[i] = mask;
      }
    }

    long count(CompiledExpression e, int from, int to) {
      Cursor c = new Cursor();
      long n = 0;
      for (int i = from; i < to; i++) {
        c.row = i;
        if (e.test(c)) {
          n++;
        }
      }
      return n;
    }

    private final class Cursor implements Bindings {
      int row;

      @Override
      public double number(int slot) {
        return numbers[slot][row];
      }

      @Override
      public String text(int slot) {
        return texts[slot][row];
      }

      @Override
      public boolean bool(int slot) {
        return bools[slot][row] == 1;
      }

      @Override
      public boolean isMissing(int slot) {
        if (numbers[slot] != null) {
          return Double.isNaN(numbers[slot][row]);
        }
        if (texts[slot] != null) {
          return texts[slot][row] == null;
        }
        return bools[slot][row] == 2;
      }

      @Override
      public boolean hasTag(String tag) {
        Integer bit = tagBits.get(tag);
        return bit != null && (tagMasks[row] & (1L << bit)) != 0;
      }
    }
  }

  // --- churn model on a demo population

  private static void churn(int users) throws Exception {
    try (HuaxiangRuntime rt = runtime(users)) {
      ChurnService churn =
          new ChurnService(rt.database().dataSource(), rt.eventJson(), rt.portraits());
      long t = System.nanoTime();
      ChurnModel m = churn.train();
      System.out.printf(
          Locale.ROOT,
          "trained in %.1f s; cut-offs %s, validation %s%n",
          (System.nanoTime() - t) / 1e9,
          m.trainingCutoffs(),
          m.validationCutoff());
      print("training", m.training());
      print("validation (model)", m.validation());
      print("validation (recency only)", m.recencyBaseline());
      for (int j = 0; j < m.features().size(); j++) {
        System.out.printf(Locale.ROOT, "  %-32s %+.3f%n", m.features().get(j), m.coefficients()[j]);
      }
    }
  }

  private static void print(String what, ChurnModel.Validation v) {
    System.out.printf(
        Locale.ROOT,
        "%-28s examples=%,d silent=%,d (%.1f%%) AUC=%.3f top-decile lift=%.2f%n",
        what,
        v.examples(),
        v.silent(),
        100.0 * v.silent() / v.examples(),
        v.auc(),
        v.topDecileLift());
  }
}
