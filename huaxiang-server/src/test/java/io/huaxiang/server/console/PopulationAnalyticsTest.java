package io.huaxiang.server.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.core.event.DecisionOutcome;
import io.huaxiang.core.event.LoanApplied;
import io.huaxiang.core.event.LoanDecided;
import io.huaxiang.core.event.LoanDisbursed;
import io.huaxiang.core.event.RepaymentDue;
import io.huaxiang.core.event.RepaymentMade;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.UserRegistered;
import io.huaxiang.core.profile.FeatureValues;
import io.huaxiang.server.cli.TestJson;
import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.console.PopulationAnalytics.Bin;
import io.huaxiang.server.console.PopulationAnalytics.CohortTimeliness;
import io.huaxiang.server.console.PopulationAnalytics.CrossTab;
import io.huaxiang.server.console.PopulationAnalytics.Distribution;
import io.huaxiang.server.console.PopulationAnalytics.FunnelStep;
import io.huaxiang.server.console.PopulationAnalytics.VintagePoint;
import io.huaxiang.server.demo.BulkLoader;
import io.huaxiang.store.Database;
import io.huaxiang.store.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The population analytics, run in PostgreSQL over a seeded demo population loaded through the
 * normal ingestion path, agree with the same figures computed independently: in Java from the
 * events or the in-memory portraits, or with SQL written here.
 */
class PopulationAnalyticsTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant END = Instant.parse("2026-06-30T16:00:00Z");

  private static HuaxiangRuntime runtime;
  private static PopulationAnalytics analytics;
  private static List<UserEvent> events;

  @BeforeAll
  static void loadDemoPopulation() throws Exception {
    events = new DemoPopulation(19, 400, END).events().toList();
    Database db = Database.external(TestDatabase.freshUrl(), "postgres", null, 4).migrate();
    runtime =
        new HuaxiangRuntime(
            db,
            new HuaxiangProperties(null, null, null, null, null, null),
            TestJson.mapper(),
            Clock.fixed(END, ZoneOffset.UTC));
    runtime.portraits().start();
    BulkLoader.backfill(runtime, events.iterator(), "test", "test", n -> {});
    Map<String, String[]> tags = new HashMap<>();
    runtime
        .portraits()
        .engine()
        .tagRules()
        .rules()
        .forEach(r -> tags.put(r.id(), new String[] {r.labelZh(), r.labelEn()}));
    analytics =
        new PopulationAnalytics(
            db.dataSource(), ZONE, runtime.portraits().engine().catalogue(), tags);
    // a segment of every third user, as real-time membership would store it
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into segment_members (segment, user_id, version, entered_at)"
                    + " select 'thirds', user_id, 1, now() from profiles"
                    + " where right(user_id, 1) in ('0', '3', '6', '9')")) {
      ps.executeUpdate();
    }
  }

  @AfterAll
  static void close() {
    runtime.close();
  }

  /** Each user's features as of their last event: what the snapshots hold. */
  private static Map<String, FeatureValues> features() {
    Map<String, FeatureValues> out = new TreeMap<>();
    runtime.portraits().forEachAtOwnTime(c -> out.put(c.userId(), c.values()));
    return out;
  }

  @Test
  void histogramBinsCountEveryUserWithAValueAndMatchSqlWrittenHere() throws Exception {
    Distribution d =
        analytics.distribution("application_amount_sum_lifetime", 20, PopulationScope.ALL);

    assertThat(d.kind()).isEqualTo("numeric");
    assertThat(d.users()).isEqualTo(400);
    List<Double> values =
        features().values().stream()
            .map(f -> f.number("application_amount_sum_lifetime"))
            .filter(v -> !Double.isNaN(v))
            .sorted()
            .toList();
    assertThat(d.missing()).isEqualTo(400 - values.size());
    assertThat(d.bins().stream().mapToLong(Bin::count).sum()).isEqualTo(values.size());
    assertThat(d.min()).isEqualTo(values.get(0));
    assertThat(d.max()).isEqualTo(values.get(values.size() - 1));
    assertThat(d.median()).isCloseTo(median(values), within(1e-6));
    assertThat(d.bins().size()).isBetween(5, 41);
    // interior bins hold exactly the values in [lower, upper), counted here in SQL
    for (int i = 1; i < d.bins().size() - 1; i++) {
      Bin b = d.bins().get(i);
      assertThat(b.count())
          .as("bin %s", b)
          .isEqualTo(
              count(
                  "select count(*) from profiles where (features->>'application_amount_sum_lifetime')::float8 >= ? and (features->>'application_amount_sum_lifetime')::float8 < ?",
                  b.lower(),
                  b.upper()));
    }
  }

  @Test
  void binsChosenFromASampleStillCountEveryValueExactly() {
    Map<String, String[]> tags = new HashMap<>();
    PopulationAnalytics sampled =
        new PopulationAnalytics(
            runtime.database().dataSource(),
            ZONE,
            runtime.portraits().engine().catalogue(),
            tags,
            50);
    Distribution exact = analytics.distribution("activity_count_90d", 20, PopulationScope.ALL);
    Distribution d = sampled.distribution("activity_count_90d", 20, PopulationScope.ALL);
    assertThat(d.users()).isEqualTo(exact.users());
    assertThat(d.missing()).isEqualTo(exact.missing());
    assertThat(d.min()).isEqualTo(exact.min());
    assertThat(d.max()).isEqualTo(exact.max());
    assertThat(d.median()).isEqualTo(exact.median());
    assertThat(d.bins().stream().mapToLong(Bin::count).sum())
        .isEqualTo(exact.users() - exact.missing());
  }

  @Test
  void categoricalSharesAndTagSharesFollowThePortraits() {
    Map<String, FeatureValues> features = features();
    Map<String, Long> expected =
        features.values().stream()
            .filter(f -> f.text(f.catalogue().indexOf("income_band")) != null)
            .collect(
                Collectors.groupingBy(
                    f -> f.text(f.catalogue().indexOf("income_band")), Collectors.counting()));
    Distribution d = analytics.distribution("income_band", 20, PopulationScope.ALL);
    Map<String, Long> actual = new TreeMap<>();
    d.shares().stream().filter(s -> s.count() > 0).forEach(s -> actual.put(s.key(), s.count()));
    assertThat(actual).isEqualTo(new TreeMap<>(expected));
    assertThat(d.shares().stream().mapToDouble(s -> s.share()).sum()).isCloseTo(1, within(1e-9));

    Distribution tag = analytics.distribution("tag:prime_repayer", 20, PopulationScope.ALL);
    long holders = runtime.portraits().select(END, (v, t) -> t.contains("prime_repayer")).size();
    assertThat(
            tag.shares().stream()
                .filter(s -> s.key().equals("yes"))
                .findFirst()
                .orElseThrow()
                .count())
        .isEqualTo(holders);
  }

  @Test
  void crossTabOfAgeBandAndCityTierMatchesThePortraits() {
    CrossTab t = analytics.crossTab("age_band", "city_tier", 6, PopulationScope.ALL);
    Map<String, Long> expected = new TreeMap<>();
    for (FeatureValues f : features().values()) {
      double age = f.number("age");
      double tier = f.number("city_tier");
      String band =
          Double.isNaN(age)
              ? "unknown"
              : age < 18
                  ? "under_18"
                  : age < 25
                      ? "18_24"
                      : age < 35 ? "25_34" : age < 45 ? "35_44" : age < 55 ? "45_54" : "55_plus";
      String column = Double.isNaN(tier) ? "unknown" : Integer.toString((int) tier);
      expected.merge(band + "|" + column, 1L, Long::sum);
    }
    Map<String, Long> actual = new TreeMap<>();
    t.cells().forEach(c -> actual.put(c.row() + "|" + c.column(), c.count()));
    assertThat(actual).isEqualTo(expected);
    assertThat(t.users()).isEqualTo(400);
  }

  @Test
  void scopeBySegmentTagAndTimeRange() {
    Map<String, FeatureValues> features = features();
    Set<String> thirds =
        features.keySet().stream()
            .filter(u -> "0369".indexOf(u.charAt(u.length() - 1)) >= 0)
            .collect(Collectors.toSet());
    Distribution seg =
        analytics.distribution("gender", 20, new PopulationScope(null, "thirds", null, null));
    assertThat(seg.users()).isEqualTo(thirds.size());

    Set<String> silent =
        new TreeSet<>(runtime.portraits().select(END, (v, t) -> t.contains("silent_30d")));
    Distribution tagged =
        analytics.distribution("age", 20, new PopulationScope("silent_30d", "thirds", null, null));
    assertThat(tagged.users()).isEqualTo(silent.stream().filter(thirds::contains).count());

    Instant from = END.minus(Duration.ofDays(30));
    long recent =
        events.stream()
            .collect(
                Collectors.toMap(
                    e -> e.userId().value(), UserEvent::occurredAt, (a, b) -> a.isAfter(b) ? a : b))
            .values()
            .stream()
            .filter(at -> !at.isBefore(from))
            .count();
    assertThat(
            analytics.distribution("age", 20, new PopulationScope(null, null, from, null)).users())
        .isEqualTo(recent);
  }

  @Test
  void funnelStepsAndMedianHoursFollowEachUsersFirstEvents() {
    Map<String, Instant[]> first = new HashMap<>();
    for (UserEvent e : events) {
      int step = -1;
      if (e instanceof UserRegistered) {
        step = 0;
      } else if (e instanceof LoanApplied) {
        step = 1;
      } else if (e instanceof LoanDecided d && d.outcome() == DecisionOutcome.APPROVED) {
        step = 2;
      } else if (e instanceof LoanDisbursed) {
        step = 3;
      } else if (e instanceof RepaymentMade) {
        step = 4;
      }
      if (step >= 0) {
        Instant[] t = first.computeIfAbsent(e.userId().value(), u -> new Instant[5]);
        if (t[step] == null || e.occurredAt().isBefore(t[step])) {
          t[step] = e.occurredAt();
        }
      }
    }
    long[] reached = new long[5];
    List<List<Double>> gaps = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      gaps.add(new ArrayList<>());
    }
    for (Instant[] t : first.values()) {
      for (int i = 0; i < 5 && t[i] != null; i++) {
        reached[i]++;
        if (i > 0) {
          gaps.get(i).add(Duration.between(t[i - 1], t[i]).toMillis() / 3_600_000.0);
        }
      }
    }
    List<FunnelStep> steps = analytics.funnelTiming(PopulationScope.ALL);
    for (int i = 0; i < 5; i++) {
      assertThat(steps.get(i).users()).isEqualTo(reached[i]);
      if (i > 0) {
        List<Double> g = new ArrayList<>(gaps.get(i));
        Collections.sort(g);
        assertThat(steps.get(i).medianHoursFromPrevious()).isCloseTo(median(g), within(1e-6));
        assertThat(steps.get(i).conversion())
            .isCloseTo(reached[i] / (double) reached[i - 1], within(1e-12));
      }
    }
    assertThat(reached[4]).isPositive();
  }

  @Test
  void repaymentTimelinessPerDisbursementMonth() {
    Map<String, String> cohortOfLoan = new HashMap<>();
    events.stream()
        .filter(LoanDisbursed.class::isInstance)
        .map(LoanDisbursed.class::cast)
        .forEach(
            d ->
                cohortOfLoan.put(
                    d.userId().value() + "/" + d.loanId().value(),
                    LocalDate.ofInstant(d.occurredAt(), ZONE).toString().substring(0, 7)));
    Map<String, long[]> expected = new TreeMap<>();
    for (UserEvent e : events) {
      if (e instanceof RepaymentMade m) {
        String cohort = cohortOfLoan.get(m.userId().value() + "/" + m.loanId().value());
        if (cohort == null) {
          continue;
        }
        long late = m.paidDate().toEpochDay() - m.dueDate().toEpochDay();
        long[] c = expected.computeIfAbsent(cohort, k -> new long[5]);
        c[0]++;
        c[late <= 0 ? 1 : late <= 7 ? 2 : late <= 30 ? 3 : 4]++;
      }
    }
    Map<String, long[]> actual = new TreeMap<>();
    for (CohortTimeliness c : analytics.timelinessByCohort(PopulationScope.ALL)) {
      actual.put(
          c.cohort(),
          new long[] {c.repayments(), c.onTime(), c.late1To7(), c.late8To30(), c.late31Plus()});
    }
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).containsExactly(v));
  }

  @Test
  void vintageCurvesCountLoansReaching30DaysPastDueByMonthsOnBook() {
    Map<String, LocalDate> disbursed = new HashMap<>();
    Map<String, Set<LocalDate>> dues = new HashMap<>();
    Map<String, LocalDate> paid = new HashMap<>();
    Instant last = Instant.MIN;
    for (UserEvent e : events) {
      last = e.occurredAt().isAfter(last) ? e.occurredAt() : last;
      if (e instanceof LoanDisbursed d) {
        disbursed.merge(
            key(d.userId(), d.loanId().value()),
            LocalDate.ofInstant(d.occurredAt(), ZONE),
            (a, b) -> a.isBefore(b) ? a : b);
      } else if (e instanceof RepaymentDue d) {
        dues.computeIfAbsent(key(d.userId(), d.loanId().value()), k -> new TreeSet<>())
            .add(d.dueDate());
      } else if (e instanceof RepaymentMade m) {
        paid.merge(
            key(m.userId(), m.loanId().value()) + "@" + m.dueDate(),
            m.paidDate(),
            (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    LocalDate end = LocalDate.ofInstant(last, ZONE);
    Map<String, long[]> expected = new TreeMap<>();
    disbursed.forEach(
        (loan, on) -> {
          LocalDate reached = null;
          for (LocalDate due : dues.getOrDefault(loan, Set.of())) {
            LocalDate p = paid.get(loan + "@" + due);
            LocalDate at = due.plusDays(30);
            boolean late = p == null || p.toEpochDay() - due.toEpochDay() >= 30;
            if (late && !at.isAfter(end) && (reached == null || at.isBefore(reached))) {
              reached = at;
            }
          }
          for (int m = 1; m <= 6; m++) {
            if (!on.plusMonths(m).isAfter(end)) {
              long[] c =
                  expected.computeIfAbsent(
                      on.toString().substring(0, 7) + "/" + m, k -> new long[2]);
              c[0]++;
              if (reached != null && !reached.isAfter(on.plusMonths(m))) {
                c[1]++;
              }
            }
          }
        });
    Map<String, long[]> actual = new TreeMap<>();
    for (VintagePoint p : analytics.vintage(6, PopulationScope.ALL)) {
      actual.put(p.cohort() + "/" + p.monthsOnBook(), new long[] {p.loans(), p.reached30Dpd()});
    }
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).containsExactly(v));
    assertThat(expected.values().stream().mapToLong(c -> c[1]).sum()).isPositive();
  }

  @Test
  void unknownDimensionsAreRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> analytics.distribution("city_teir", 20, PopulationScope.ALL))
        .isInstanceOf(PopulationAnalytics.UnknownDimensionException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> analytics.distribution("tag:nope", 20, PopulationScope.ALL))
        .isInstanceOf(PopulationAnalytics.UnknownDimensionException.class);
  }

  private static String key(UserId user, String loan) {
    return user.value() + "/" + loan;
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static long count(String sql, Object... params) throws Exception {
    try (Connection c = runtime.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
