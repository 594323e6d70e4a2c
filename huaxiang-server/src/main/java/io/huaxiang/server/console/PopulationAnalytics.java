package io.huaxiang.server.console;

import io.huaxiang.core.profile.FeatureCatalogue;
import io.huaxiang.core.profile.FeatureDefinition;
import io.huaxiang.core.profile.FeatureType;
import io.huaxiang.core.profile.FunnelStage;
import io.huaxiang.store.PortraitFeatureColumns;
import io.huaxiang.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Population analytics beyond the overview: the distribution of any feature or tag, cross-tabs of
 * two dimensions, the funnel with median times between steps, on-time vs late repayment per
 * disbursement cohort and vintage curves, each narrowed by a {@link PopulationScope}.
 *
 * <p>Everything is grouped in PostgreSQL; the JVM receives at most a few hundred rows, never the
 * users. Portrait figures read the typed {@code portrait_features} table; feature names are checked
 * against the catalogue before they become column names.
 */
public final class PopulationAnalytics {
  /** Bins a histogram aims at by default. */
  public static final int DEFAULT_BINS = 20;

  private static final Map<String, CategoryLabels> LABELS =
      Map.of(
          "gender", CategoryLabels.GENDER,
          "education", CategoryLabels.EDUCATION,
          "income_band", CategoryLabels.INCOME_BAND,
          "marital_status", CategoryLabels.MARITAL_STATUS,
          "city_tier", CategoryLabels.CITY_TIER,
          "funnel_stage", CategoryLabels.FUNNEL,
          "operation_step", CategoryLabels.OPERATION_STEP,
          "age_band", CategoryLabels.AGE_BAND);

  /**
   * The typed features, one row per user ({@code portrait_features}, V41): a scan reads a few
   * hundred bytes per user, where {@code profiles.features} cost a de-toast of a whole JSON
   * document.
   */
  private static final String FEATURES = "portrait_features f";

  /** Memory for one population query's grouping and sorting (PostgreSQL's default is 4 MB). */
  private static final String WORK_MEM = "64MB";

  private final DataSource db;
  private final String zone;
  private final FeatureCatalogue catalogue;
  private final Map<String, String[]> tagLabels;
  private final long sampleAbove;

  /**
   * @param tagLabels every tag id with its Chinese and English label
   */
  public PopulationAnalytics(
      DataSource db, ZoneId zone, FeatureCatalogue catalogue, Map<String, String[]> tagLabels) {
    this(db, zone, catalogue, tagLabels, 50_000);
  }

  /**
   * @param sampleAbove above this many profiles, histogram bins and cross-tab bands are chosen from
   *     a sample of about this many rows (the counts are always exact)
   */
  PopulationAnalytics(
      DataSource db,
      ZoneId zone,
      FeatureCatalogue catalogue,
      Map<String, String[]> tagLabels,
      long sampleAbove) {
    this.sampleAbove = sampleAbove;
    this.db = db;
    this.zone = zone.getId();
    this.catalogue = catalogue;
    this.tagLabels = tagLabels;
  }

  /** One bin of a histogram: {@code [lower, upper)}; the edge bins also hold the outliers. */
  public record Bin(double lower, double upper, long count) {}

  /** A category (or bin) with its bilingual label, count and share of the users counted. */
  public record Share(String key, String labelZh, String labelEn, long count, double share) {}

  /**
   * The distribution of a feature or tag: a histogram for numbers (with the data's range and
   * median), shares for categories, booleans and tags. {@code missing} users have no value.
   */
  public record Distribution(
      String feature,
      String labelZh,
      String labelEn,
      String kind,
      long users,
      long missing,
      Double min,
      Double median,
      Double max,
      List<Bin> bins,
      List<Share> shares) {}

  /** Users per combination of two dimensions; the totals give the margins. */
  public record CrossTab(
      String rows,
      String columns,
      long users,
      List<Share> rowTotals,
      List<Share> columnTotals,
      List<Cell> cells) {}

  public record Cell(String row, String column, long count) {}

  /**
   * A funnel step: users who reached it (and every step before), the conversion from the step
   * before, and the median hours from the step before among them.
   */
  public record FunnelStep(
      String key,
      String labelZh,
      String labelEn,
      long users,
      Double conversion,
      Double medianHoursFromPrevious) {}

  /** Repayments of loans disbursed in one month, by days late. */
  public record CohortTimeliness(
      String cohort,
      long repayments,
      long onTime,
      long late1To7,
      long late8To30,
      long late31Plus,
      double onTimeShare) {}

  /**
   * One point of a vintage curve: of the loans disbursed in {@code cohort} observable for {@code
   * monthsOnBook} months, how many had an instalment 30 or more days past due by then.
   */
  public record VintagePoint(
      String cohort, int monthsOnBook, long loans, long reached30Dpd, double share) {}

  // --- distributions

  /**
   * A feature (catalogue name), {@code age_band}, or {@code tag:<id>}; see {@link Distribution}.
   */
  public Distribution distribution(String feature, int bins, PopulationScope scope) {
    Dimension d = dimension(feature);
    if (d.numeric()) {
      return histogram(d, bins, scope);
    }
    PopulationScope.Sql where = scope.features();
    List<Object> params = new ArrayList<>(d.params());
    params.addAll(where.params);
    Map<String, Long> counts = new LinkedHashMap<>();
    rows(
        "select k, count(*) from (select %s as k from %s where true%s) p group by k"
            .formatted(d.sql(), FEATURES, where),
        rs -> counts.put(rs.getString(1) == null ? null : rs.getString(1), rs.getLong(2)),
        params);
    long missing = counts.getOrDefault(null, 0L);
    counts.remove(null);
    long users = counts.values().stream().mapToLong(Long::longValue).sum() + missing;
    return new Distribution(
        d.name(),
        d.labelZh(),
        d.labelEn(),
        "categorical",
        users,
        missing,
        null,
        null,
        null,
        List.of(),
        shares(d, counts, users - missing));
  }

  /**
   * A histogram from the typed features: the bins are chosen from the percentiles of a sample (the
   * whole table when small), then one grouped scan (which PostgreSQL may run in parallel) counts
   * each bin with its range, giving the exact totals, minimum and maximum; the exact median is then
   * read from the one or two bins that hold the middle ranks ({@link #median}), so only those bins'
   * values are ever sorted.
   */
  private Distribution histogram(Dimension d, int target, PopulationScope scope) {
    Stats s = stats(d, scope);
    Binning b = s.valued() == 0 ? Binning.single() : Binning.of(s, target);
    long[] counts = new long[b.count()];
    PopulationScope.Sql where = scope.features();
    List<Object> params = new ArrayList<>(d.params());
    params.addAll(where.params);
    long[] missing = {0};
    Double[] range = {null, null};
    rows(
        """
        select b, count(*), min(v), max(v)
          from (select v, %s as b from (select %s as v from %s where true%s) p) x
         group by b
        """
            .formatted(b.bucketSql("v"), d.sql(), FEATURES, where),
        rs -> {
          if (rs.getObject(1) == null) {
            missing[0] += rs.getLong(2);
            return;
          }
          counts[rs.getInt(1)] += rs.getLong(2);
          double lo = rs.getDouble(3);
          double hi = rs.getDouble(4);
          range[0] = range[0] == null ? lo : Math.min(range[0], lo);
          range[1] = range[1] == null ? hi : Math.max(range[1], hi);
        },
        params);
    long valued = java.util.Arrays.stream(counts).sum();
    List<Bin> bins = new ArrayList<>();
    if (valued > 0) {
      for (int i = 0; i < counts.length; i++) {
        bins.add(new Bin(b.lower(i), b.lower(i) + b.width(), counts[i]));
      }
    }
    return new Distribution(
        d.name(),
        d.labelZh(),
        d.labelEn(),
        "numeric",
        valued + missing[0],
        missing[0],
        range[0],
        valued == 0 ? null : median(d, b, counts, valued, where),
        range[1],
        bins,
        List.of());
  }

  /**
   * The exact median ({@code percentile_cont(0.5)}: the mean of the values at the two middle ranks)
   * from the bin counts: the middle ranks fall into one bin or two neighbouring ones, and only
   * their values are sorted (PostgreSQL keeps just the top offset + 2 rows while sorting).
   */
  private Double median(
      Dimension d, Binning b, long[] counts, long valued, PopulationScope.Sql where) {
    long low = (valued - 1) / 2;
    long high = valued / 2;
    int first = binOfRank(counts, low);
    int last = binOfRank(counts, high);
    long before = 0;
    for (int i = 0; i < first; i++) {
      before += counts[i];
    }
    List<Object> params = new ArrayList<>(d.params());
    params.addAll(where.params);
    params.add(first);
    params.add(last);
    params.add(low - before);
    params.add(high - low + 1);
    List<Double> middle = new ArrayList<>();
    rows(
        """
        select v from (select %s as v from %s where true%s) p
         where v is not null and %s between ? and ?
         order by v offset ? limit ?
        """
            .formatted(d.sql(), FEATURES, where, b.bucketSql("v")),
        rs -> middle.add(rs.getDouble(1)),
        params);
    return middle.isEmpty() ? null : middle.stream().mapToDouble(x -> x).average().getAsDouble();
  }

  /** The bin holding the value of 0-based rank {@code rank} in ascending order. */
  private static int binOfRank(long[] counts, long rank) {
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (rank < seen) {
        return i;
      }
    }
    return counts.length - 1;
  }

  /**
   * The share of the typed feature table (in percent) that choosing bins reads: all of it up to
   * {@link #sampleAbove} rows (by the planner's estimate), else enough pages for about that many
   * rows.
   */
  private double samplePercent() {
    double[] estimate = {0};
    rows(
        "select reltuples from pg_class where relname = 'portrait_features' and relkind = 'r'",
        rs -> estimate[0] = rs.getDouble(1),
        List.of());
    return estimate[0] <= sampleAbove ? 100 : Math.max(0.01, 100.0 * sampleAbove / estimate[0]);
  }

  // --- cross-tabs

  /** Users per (row, column) of two dimensions; numbers are cut into at most {@code bins} bins. */
  public CrossTab crossTab(String rows, String columns, int bins, PopulationScope scope) {
    Dimension r = dimension(rows);
    Dimension c = dimension(columns);
    Keyed rk = keyed(r, bins, scope);
    Keyed ck = keyed(c, bins, scope);
    PopulationScope.Sql where = scope.features();
    List<Object> params = new ArrayList<>();
    params.addAll(r.params());
    params.addAll(c.params());
    params.addAll(where.params);
    List<Cell> cells = new ArrayList<>();
    Map<String, Long> rowTotals = new LinkedHashMap<>();
    Map<String, Long> columnTotals = new LinkedHashMap<>();
    long[] users = {0};
    rows(
        "select %s, %s, count(*) from (select %s as a, %s as b from %s where true%s) p"
                .formatted(rk.keySql("a"), ck.keySql("b"), r.sql(), c.sql(), FEATURES, where)
            + " group by 1, 2",
        rs -> {
          String a = rs.getString(1) == null ? CategoryLabels.UNKNOWN : rs.getString(1);
          String b = rs.getString(2) == null ? CategoryLabels.UNKNOWN : rs.getString(2);
          long n = rs.getLong(3);
          cells.add(new Cell(a, b, n));
          rowTotals.merge(a, n, Long::sum);
          columnTotals.merge(b, n, Long::sum);
          users[0] += n;
        },
        params);
    return new CrossTab(
        r.name(),
        c.name(),
        users[0],
        rk.shares(rowTotals, users[0]),
        ck.shares(columnTotals, users[0]),
        cells);
  }

  /** A dimension made categorical: numbers get bins, keyed by their lower edge. */
  private record Keyed(Dimension dimension, Binning binning, PopulationAnalytics owner) {
    String keySql(String column) {
      return binning == null ? column : "(" + binning.bucketSql(column) + ")::text";
    }

    List<Share> shares(Map<String, Long> counts, long total) {
      if (binning == null) {
        return owner.shares(dimension, counts, total);
      }
      List<Share> out = new ArrayList<>();
      for (int i = 0; i < binning.count(); i++) {
        long n = counts.getOrDefault(Integer.toString(i), 0L);
        String label = binning.label(i);
        out.add(new Share(Integer.toString(i), label, label, n, share(n, total)));
      }
      Long unknown = counts.get(CategoryLabels.UNKNOWN);
      if (unknown != null) {
        out.add(new Share(CategoryLabels.UNKNOWN, "未知", "unknown", unknown, share(unknown, total)));
      }
      return out;
    }
  }

  private Keyed keyed(Dimension d, int bins, PopulationScope scope) {
    if (!d.numeric()) {
      return new Keyed(d, null, this);
    }
    Stats s = stats(d, scope);
    return new Keyed(d, s.valued() == 0 ? Binning.single() : Binning.of(s, bins), this);
  }

  // --- funnel with times

  /**
   * Users who reached each step, in order (registered → applied → approved → disbursed → first
   * repayment), from each user's first event of each kind; the median time from the step before is
   * over the users who reached both. The time range selects users by their registration time.
   */
  public List<FunnelStep> funnelTiming(PopulationScope scope) {
    PopulationScope.Sql users = scope.users();
    List<Object> params = new ArrayList<>(users.params);
    String range = "";
    if (scope.from() != null) {
      range += " and reg >= ?";
      params.add(java.sql.Timestamp.from(scope.from()));
    }
    if (scope.to() != null) {
      range += " and reg < ?";
      params.add(java.sql.Timestamp.from(scope.to()));
    }
    String sql =
        """
        with u as (
          select user_id,
                 min(occurred_at) filter (where type = 'user_registered') as reg,
                 min(occurred_at) filter (where type = 'loan_applied') as app,
                 min(occurred_at) filter (where type = 'loan_decided'
                                            and payload->>'outcome' = 'approved') as appr,
                 min(occurred_at) filter (where type = 'loan_disbursed') as disb,
                 min(occurred_at) filter (where type = 'repayment_made') as rep
            from events
           where type in ('user_registered', 'loan_applied', 'loan_decided', 'loan_disbursed',
                          'repayment_made')%s
           group by user_id),
        c as (
          select reg, app, appr, disb, rep,
                 reg is not null as s1,
                 reg is not null and app is not null as s2,
                 reg is not null and app is not null and appr is not null as s3,
                 reg is not null and app is not null and appr is not null
                   and disb is not null as s4,
                 reg is not null and app is not null and appr is not null
                   and disb is not null and rep is not null as s5
            from u where reg is not null%s)
        select count(*) filter (where s1), count(*) filter (where s2), count(*) filter (where s3),
               count(*) filter (where s4), count(*) filter (where s5),
               percentile_cont(0.5) within group (order by extract(epoch from app - reg))
                 filter (where s2),
               percentile_cont(0.5) within group (order by extract(epoch from appr - app))
                 filter (where s3),
               percentile_cont(0.5) within group (order by extract(epoch from disb - appr))
                 filter (where s4),
               percentile_cont(0.5) within group (order by extract(epoch from rep - disb))
                 filter (where s5)
          from c
        """
            .formatted(users, range);
    long[] reached = new long[5];
    Double[] medians = new Double[5];
    rows(
        sql,
        rs -> {
          for (int i = 0; i < 5; i++) {
            reached[i] = rs.getLong(i + 1);
          }
          for (int i = 1; i < 5; i++) {
            double seconds = rs.getDouble(5 + i);
            medians[i] = rs.wasNull() ? null : seconds / 3600.0;
          }
        },
        params);
    List<FunnelStep> out = new ArrayList<>();
    FunnelStage[] stages = FunnelStage.values();
    Map<String, ValueLabel> labels = CategoryLabels.FUNNEL.asMap();
    for (int i = 0; i < 5; i++) {
      ValueLabel l = labels.get(stages[i].toString());
      Double conversion =
          i == 0 ? null : reached[i - 1] == 0 ? null : reached[i] / (double) reached[i - 1];
      out.add(
          new FunnelStep(
              stages[i].toString(), l.labelZh(), l.labelEn(), reached[i], conversion, medians[i]));
    }
    return out;
  }

  // --- repayment behaviour by cohort

  /**
   * Repayments by days late ({@code paid_date − due_date}) per month the loan was disbursed
   * (configured zone); repayments of loans disbursed before the data starts are left out.
   */
  public List<CohortTimeliness> timelinessByCohort(PopulationScope scope) {
    PopulationScope.Sql users = scope.users();
    // bound in the order of the text: both CTEs, the zone in the select list, the range
    List<Object> params = new ArrayList<>();
    params.addAll(users.params);
    params.addAll(users.params);
    params.add(zone);
    String range = range(scope, "l.disbursed_at", params);
    List<CohortTimeliness> out = new ArrayList<>();
    rows(
        """
        with l as (
          select payload->>'loan_id' as loan_id, user_id, min(occurred_at) as disbursed_at
            from events where type = 'loan_disbursed'%1$s group by 1, 2),
        r as (
          select payload->>'loan_id' as loan_id, user_id,
                 (payload->>'paid_date')::date - (payload->>'due_date')::date as late
            from events where type = 'repayment_made'%1$s)
        select to_char(l.disbursed_at at time zone ?, 'YYYY-MM') as cohort, count(*),
               count(*) filter (where late <= 0),
               count(*) filter (where late between 1 and 7),
               count(*) filter (where late between 8 and 30),
               count(*) filter (where late > 30)
          from r join l using (loan_id, user_id)
         where true%2$s
         group by 1 order by 1
        """
            .formatted(users, range),
        rs -> {
          long n = rs.getLong(2);
          out.add(
              new CohortTimeliness(
                  rs.getString(1),
                  n,
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getLong(5),
                  rs.getLong(6),
                  share(rs.getLong(3), n)));
        },
        params);
    return out;
  }

  /**
   * Vintage curves: for each disbursement month and each month on book m (1 to {@code months}), the
   * share of the loans observable for m months that had an instalment 30+ days past due within m
   * months of disbursement. An instalment is 30+ days past due when it was paid 30 or more days
   * after its due date, or was still unpaid 30 days after it; "observable" means disbursement + m
   * months is not after the last event in the log. Days are local days.
   */
  public List<VintagePoint> vintage(int months, PopulationScope scope) {
    PopulationScope.Sql users = scope.users();
    List<Object> params = new ArrayList<>();
    params.add(zone);
    params.addAll(users.params);
    params.addAll(users.params);
    params.addAll(users.params);
    params.add(zone);
    String range = range(scope, "disbursed_at", params);
    params.add(months);
    List<VintagePoint> out = new ArrayList<>();
    rows(
        """
        with l as (
          select payload->>'loan_id' as loan_id, user_id, min(occurred_at) as disbursed_at,
                 (min(occurred_at) at time zone ?)::date as disbursed_on
            from events where type = 'loan_disbursed'%1$s group by 1, 2),
        due as (
          select distinct payload->>'loan_id' as loan_id, user_id,
                 (payload->>'due_date')::date as due_date
            from events where type = 'repayment_due'%1$s),
        paid as (
          select payload->>'loan_id' as loan_id, user_id, (payload->>'due_date')::date as due_date,
                 max((payload->>'paid_date')::date) as paid_date
            from events where type = 'repayment_made'%1$s group by 1, 2, 3),
        obs as (select (max(occurred_at) at time zone ?)::date as end_on from events),
        reach as (
          select loan_id, user_id, min(d.due_date + 30) as reached_on
            from due d left join paid p using (loan_id, user_id, due_date), obs
           where (p.paid_date is null or p.paid_date - d.due_date >= 30)
             and d.due_date + 30 <= obs.end_on
           group by 1, 2),
        loans as (
          select to_char(disbursed_on, 'YYYY-MM') as cohort, disbursed_on, reached_on
            from l left join reach using (loan_id, user_id)
           where true%2$s)
        select cohort, m, count(*),
               count(*) filter (where reached_on <= (disbursed_on + make_interval(months => m))::date)
          from loans cross join generate_series(1, ?) as m, obs
         where (disbursed_on + make_interval(months => m))::date <= obs.end_on
         group by 1, 2 order by 1, 2
        """
            .formatted(users, range),
        rs -> {
          long n = rs.getLong(3);
          out.add(
              new VintagePoint(
                  rs.getString(1), rs.getInt(2), n, rs.getLong(4), share(rs.getLong(4), n)));
        },
        params);
    return out;
  }

  // --- building blocks

  /**
   * A dimension over the typed features ({@code f}, see {@link #FEATURES}): its SQL, labels, and
   * whether numeric.
   */
  private record Dimension(
      String name,
      String labelZh,
      String labelEn,
      String sql,
      List<Object> params,
      boolean numeric,
      CategoryLabels labels) {}

  private Dimension dimension(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a feature name is required");
    }
    if (name.equals("age_band")) {
      return new Dimension(
          name,
          "年龄段",
          "Age band",
          """
          case when f.age is null then null
               when f.age < 18 then 'under_18' when f.age < 25 then '18_24'
               when f.age < 35 then '25_34' when f.age < 45 then '35_44'
               when f.age < 55 then '45_54' else '55_plus' end""",
          List.of(),
          false,
          CategoryLabels.AGE_BAND);
    }
    if (name.startsWith("tag:")) {
      String tag = name.substring(4);
      String[] l = tagLabels.get(tag);
      if (l == null) {
        throw new UnknownDimensionException(name, "tag");
      }
      return new Dimension(
          name,
          l[0],
          l[1],
          "case when f.user_id in (select user_id from profiles where tags @> array[?]::text[])"
              + " then 'yes' else 'no' end",
          List.of(tag),
          false,
          CategoryLabels.of("yes", "持有", "holds the tag", "no", "未持有", "does not hold it"));
    }
    FeatureDefinition f =
        catalogue
            .definition(name)
            .orElseThrow(() -> new UnknownDimensionException(name, "feature"));
    if (!f.type().scalar()) {
      throw new UnknownDimensionException(name, "scalar feature");
    }
    boolean numeric = f.type() == FeatureType.NUMBER && !LABELS.containsKey(name);
    // the column name is the catalogue's own (checked above), never the caller's text
    String column =
        "f."
            + PortraitFeatureColumns.column(name)
                .orElseThrow(() -> new IllegalStateException(name));
    String sql =
        numeric
            ? column
            : f.type() == FeatureType.NUMBER ? "(" + column + ")::int::text" : column + "::text";
    return new Dimension(name, f.labelZh(), f.labelEn(), sql, List.of(), numeric, LABELS.get(name));
  }

  /** A name that is not a scalar feature, {@code age_band} or a known {@code tag:<id>}. */
  public static final class UnknownDimensionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String name;

    UnknownDimensionException(String name, String kind) {
      super("unknown " + kind + " '" + name + "'");
      this.name = name;
    }

    public String name() {
      return name;
    }
  }

  private List<Share> shares(Dimension d, Map<String, Long> counts, long total) {
    List<Share> out = new ArrayList<>();
    if (d.labels() != null) {
      for (Bucket b : d.labels().buckets(counts, false)) {
        out.add(new Share(b.key(), b.labelZh(), b.labelEn(), b.count(), share(b.count(), total)));
      }
      return out;
    }
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                out.add(
                    new Share(
                        e.getKey(),
                        e.getKey(),
                        e.getKey(),
                        e.getValue(),
                        share(e.getValue(), total))));
    return out;
  }

  /** Count, values, range, median and 1st/99th percentiles of a numeric dimension. */
  record Stats(
      long users,
      long valued,
      Double min,
      Double median,
      Double max,
      double p01,
      double p99,
      boolean integral) {}

  private Stats stats(Dimension d, PopulationScope scope) {
    double percent = samplePercent();
    Stats s = stats(d, scope, percent);
    // a narrow scope may leave the sample (almost) empty: then read every row
    return s.valued() < 100 && percent < 100 ? stats(d, scope, 100) : s;
  }

  /** The stats over a sample of {@code percent} of the table's pages (100: all rows). */
  private Stats stats(Dimension d, PopulationScope scope, double percent) {
    PopulationScope.Sql where = scope.features();
    List<Object> params = new ArrayList<>(d.params());
    params.addAll(where.params);
    Stats[] out = new Stats[1];
    String table =
        percent >= 100
            ? FEATURES
            : String.format(
                java.util.Locale.ROOT, FEATURES + " tablesample system (%.4f)", percent);
    rows(
        """
        select count(*), count(v), min(v), max(v),
               percentile_cont(array[0.01, 0.5, 0.99]) within group (order by v),
               coalesce(bool_and(v = floor(v)), true)
          from (select %s as v from %s where true%s) p
        """
            .formatted(d.sql(), table, where),
        rs -> {
          long valued = rs.getLong(2);
          Double[] p =
              valued == 0 ? new Double[] {0.0, null, 0.0} : (Double[]) rs.getArray(5).getArray();
          out[0] =
              new Stats(
                  rs.getLong(1),
                  valued,
                  valued == 0 ? null : rs.getDouble(3),
                  p[1],
                  valued == 0 ? null : rs.getDouble(4),
                  p[0],
                  p[2],
                  rs.getBoolean(6));
        },
        params);
    return out[0];
  }

  private static String range(PopulationScope scope, String column, List<Object> params) {
    String sql = "";
    if (scope.from() != null) {
      sql += " and " + column + " >= ?";
      params.add(java.sql.Timestamp.from(scope.from()));
    }
    if (scope.to() != null) {
      sql += " and " + column + " < ?";
      params.add(java.sql.Timestamp.from(scope.to()));
    }
    return sql;
  }

  static double share(long n, long total) {
    return total == 0 ? 0 : n / (double) total;
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private void rows(String sql, Row row, List<Object> params) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        // grouping and sorting a million rows in memory, not in temporary files; for this query
        st.execute("set local work_mem = '" + WORK_MEM + "'");
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < params.size(); i++) {
          ps.setObject(i + 1, params.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            row.accept(rs);
          }
        }
      } finally {
        c.rollback(); // read only: nothing to keep, and the setting ends with the transaction
      }
    } catch (SQLException e) {
      throw new StoreException("population query failed: " + e.getMessage(), e);
    }
  }
}
