package io.huaxiang.server.console;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.core.event.DecisionOutcome;
import io.huaxiang.core.event.LoanApplied;
import io.huaxiang.core.event.LoanDecided;
import io.huaxiang.core.event.LoanDisbursed;
import io.huaxiang.core.event.RepaymentMade;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.UserRegistered;
import io.huaxiang.core.profile.FeatureDefinition;
import io.huaxiang.server.cli.TestJson;
import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.demo.BulkLoader;
import io.huaxiang.server.portrait.PortraitReading;
import io.huaxiang.store.Database;
import io.huaxiang.store.PortraitFeatureColumns;
import io.huaxiang.store.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The population queries, run in PostgreSQL over a seeded demo population loaded through the normal
 * ingestion path, agree with the same figures computed in Java straight from the events (and, for
 * tags, from the portraits in memory).
 */
class PopulationQueriesTest {
  private static final PopulationScope ALL = PopulationScope.ALL;
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant END = Instant.parse("2026-06-30T16:00:00Z");

  private static HuaxiangRuntime runtime;
  private static PopulationQueries queries;
  private static List<UserEvent> events;
  private static Map<String, PortraitReading> portraits;

  @BeforeAll
  static void loadDemoPopulation() {
    events = new DemoPopulation(7, 300, END).events().toList();
    Database db = Database.external(TestDatabase.freshUrl(), "postgres", null, 4).migrate();
    runtime =
        new HuaxiangRuntime(
            db,
            new HuaxiangProperties(null, null, null, null, null, null),
            TestJson.mapper(),
            Clock.fixed(END, ZoneOffset.UTC));
    runtime.portraits().start();
    BulkLoader.backfill(runtime, events.iterator(), "test", "test", n -> {});
    queries = new PopulationQueries(db.dataSource(), ZONE);
    portraits = new HashMap<>();
    for (String user : users(e -> true)) {
      portraits.put(user, runtime.portraits().read(new UserId(user), END).orElseThrow());
    }
  }

  @AfterAll
  static void close() {
    runtime.close();
  }

  @Test
  void summaryCountsEveryUserAndEventAndTheTimeSpan() {
    PopulationSummary s = queries.summary(ALL);

    assertThat(s.users()).isEqualTo(users(e -> true).size()).isEqualTo(300);
    assertThat(s.events()).isEqualTo(events.size());
    assertThat(s.taggedUsers())
        .isEqualTo(portraits.values().stream().filter(p -> !p.tags().isEmpty()).count());
    assertThat(s.firstEventAt())
        .isEqualTo(events.stream().map(UserEvent::occurredAt).min(Comparator.naturalOrder()).get());
    assertThat(s.lastEventAt())
        .isEqualTo(events.stream().map(UserEvent::occurredAt).max(Comparator.naturalOrder()).get());
  }

  @Test
  void newUsersAreCountedOnTheBeijingDayOfTheirFirstRegistration() {
    Map<LocalDate, Long> expected =
        events.stream()
            .filter(UserRegistered.class::isInstance)
            .collect(
                Collectors.toMap(
                    e -> e.userId().value(),
                    UserEvent::occurredAt,
                    (a, b) -> a.isBefore(b) ? a : b))
            .values()
            .stream()
            .collect(groupingBy(at -> LocalDate.ofInstant(at, ZONE), TreeMap::new, counting()));

    Map<LocalDate, Long> actual = new TreeMap<>();
    queries.newUsersPerDay(ALL).forEach(d -> actual.put(d.day(), d.count()));

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void heatmapIsRightInZonesWithHalfHourAndDaylightSavingOffsets() {
    for (String zone : List.of("Asia/Kolkata", "America/New_York", "Asia/Kathmandu")) {
      ZoneId z = ZoneId.of(zone);
      PopulationQueries there = new PopulationQueries(runtime.database().dataSource(), z);
      assertThat(asCells(there.activityHeatmap(ALL))).as(zone).isEqualTo(expectedHeatmap(z));
    }
    assertThat(PopulationQueries.wholeHours(ZoneId.of("Asia/Kolkata"))).isFalse();
    assertThat(PopulationQueries.wholeHours(ZONE)).isTrue();
  }

  private static Map<List<Integer>, Long> asCells(List<HeatCell> cells) {
    return cells.stream()
        .collect(Collectors.toMap(c -> List.of(c.weekday(), c.hour()), HeatCell::count));
  }

  private static Map<List<Integer>, Long> expectedHeatmap(ZoneId zone) {
    Set<String> activity =
        PopulationQueries.ACTIVITY_TYPES.stream().map(t -> t.wire()).collect(Collectors.toSet());
    return events.stream()
        .filter(e -> activity.contains(e.type().wire()))
        .collect(
            groupingBy(
                e -> {
                  ZonedDateTime local = e.occurredAt().atZone(zone);
                  return List.of(local.getDayOfWeek().getValue() - 1, local.getHour());
                },
                counting()));
  }

  @Test
  void heatmapCountsActivityEventsByBeijingWeekdayAndHour() {
    Set<String> activity =
        PopulationQueries.ACTIVITY_TYPES.stream().map(t -> t.wire()).collect(Collectors.toSet());
    Map<List<Integer>, Long> expected =
        events.stream()
            .filter(e -> activity.contains(e.type().wire()))
            .collect(
                groupingBy(
                    e -> {
                      ZonedDateTime local = e.occurredAt().atZone(ZONE);
                      return List.of(local.getDayOfWeek().getValue() - 1, local.getHour());
                    },
                    counting()));

    Map<List<Integer>, Long> actual =
        queries.activityHeatmap(ALL).stream()
            .collect(Collectors.toMap(c -> List.of(c.weekday(), c.hour()), HeatCell::count));

    assertThat(actual).isEqualTo(expected);
    assertThat(actual.keySet()).allMatch(k -> k.get(0) >= 0 && k.get(0) <= 6);
  }

  @Test
  void demographicsMatchEachUsersLatestRegistration() {
    Map<String, UserRegistered> registration = latestRegistrations();
    Map<String, Instant> lastEvent = lastEventPerUser();
    Map<String, Distribution> byFeature =
        queries.demographics(ALL).stream()
            .collect(Collectors.toMap(Distribution::feature, Function.identity()));

    assertThat(counts(byFeature.get("gender")))
        .isEqualTo(tally(registration, r -> r.gender().toString()));
    assertThat(counts(byFeature.get("education")))
        .isEqualTo(tally(registration, r -> r.education().toString()));
    assertThat(counts(byFeature.get("income_band")))
        .isEqualTo(tally(registration, r -> r.incomeBand().toString()));
    assertThat(counts(byFeature.get("city_tier")))
        .isEqualTo(
            tally(registration, r -> r.cityTier() == null ? "unknown" : r.cityTier().toString()));
    Map<String, Long> ages = new HashMap<>();
    registration.forEach(
        (user, r) -> {
          LocalDate asOf = LocalDate.ofInstant(lastEvent.get(user), ZONE);
          ages.merge(ageBand(Period.between(r.birthDate(), asOf).getYears()), 1L, Long::sum);
        });
    assertThat(counts(byFeature.get("age_band"))).isEqualTo(ages);
    assertThat(byFeature.get("city_tier").buckets().get(0).labelZh()).isEqualTo("一线城市");
  }

  @Test
  void funnelCountsUsersWhoReachedAtLeastEachStage() {
    Map<String, Integer> furthest = new HashMap<>();
    for (UserEvent e : events) {
      furthest.merge(e.userId().value(), stage(e), Math::max);
    }
    List<Bucket> funnel = queries.funnel(ALL);

    assertThat(funnel)
        .extracting(Bucket::key)
        .containsExactly("registered", "applied", "approved", "disbursed", "repaid");
    for (int i = 0; i < 5; i++) {
      int rank = i + 1;
      assertThat(funnel.get(i).count())
          .as(funnel.get(i).key())
          .isEqualTo(furthest.values().stream().filter(s -> s >= rank).count());
    }
    assertThat(funnel.get(4).count()).isPositive().isLessThan(funnel.get(0).count());
  }

  @Test
  void loanOverviewMatchesTheLoanEvents() {
    LoanOverview loans = queries.loans(ALL);

    List<LoanApplied> applied = of(LoanApplied.class);
    assertThat(counts(loans.purposes()))
        .isEqualTo(applied.stream().collect(groupingBy(a -> a.purpose().toString(), counting())));
    assertThat(counts(loans.amounts()))
        .isEqualTo(applied.stream().collect(groupingBy(a -> amountBand(a), counting())));
    assertThat(counts(loans.repaymentModes()))
        .isEqualTo(
            of(LoanDisbursed.class).stream()
                .collect(groupingBy(d -> d.repaymentMode().toString(), counting())));
    assertThat(counts(loans.timeliness()))
        .isEqualTo(
            of(RepaymentMade.class).stream()
                .collect(groupingBy(PopulationQueriesTest::timeliness, counting())));
    assertThat(loans.timeliness().get(0).key()).isEqualTo("on_time");
  }

  @Test
  void tagCountsMatchThePortraitsInMemory() {
    Map<String, Long> expected =
        portraits.values().stream()
            .flatMap(p -> p.tags().keySet().stream())
            .collect(groupingBy(t -> t, counting()));

    Map<String, Long> actual = queries.tagCounts(ALL);

    assertThat(actual).isEqualTo(expected);
    assertThat(List.copyOf(actual.values())).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void aTagNarrowsEveryQueryToTheUsersHoldingIt() {
    String tag = "prime_repayer";
    Set<String> holders =
        portraits.entrySet().stream()
            .filter(p -> p.getValue().tags().containsKey(tag))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertThat(holders).isNotEmpty().hasSizeLessThan(portraits.size());
    Predicate<UserEvent> held = e -> holders.contains(e.userId().value());
    PopulationScope scope = tagged(tag);

    assertThat(queries.summary(scope).users()).isEqualTo(holders.size());
    assertThat(queries.summary(scope).events()).isEqualTo(events.stream().filter(held).count());
    assertThat(queries.tagCounts(scope)).containsEntry(tag, (long) holders.size());
    assertThat(queries.funnel(scope).get(0).count()).isEqualTo(holders.size());
    Map<String, UserRegistered> registration = latestRegistrations();
    registration.keySet().retainAll(holders);
    Distribution gender =
        queries.demographics(scope).stream()
            .filter(d -> d.feature().equals("gender"))
            .findFirst()
            .orElseThrow();
    assertThat(counts(gender)).isEqualTo(tally(registration, r -> r.gender().toString()));
    assertThat(sum(queries.loans(scope).timeliness()))
        .isEqualTo(of(RepaymentMade.class).stream().filter(held).count());
    assertThat(queries.activityHeatmap(scope).stream().mapToLong(HeatCell::count).sum())
        .isLessThan(queries.activityHeatmap(ALL).stream().mapToLong(HeatCell::count).sum());
  }

  @Test
  void recentUsersAreTheLatestActiveFirstWithTheirEventCounts() {
    Map<String, Instant> last = lastEventPerUser();
    Map<String, Long> eventCounts =
        events.stream().collect(groupingBy(e -> e.userId().value(), counting()));
    List<String> expected =
        last.keySet().stream()
            .sorted(
                Comparator.comparing((String u) -> last.get(u))
                    .reversed()
                    .thenComparing(Comparator.naturalOrder()))
            .limit(10)
            .toList();

    List<UserRow> recent = queries.recentUsers(ALL, 10);

    assertThat(recent).extracting(UserRow::userId).isEqualTo(expected);
    assertThat(recent)
        .allSatisfy(r -> assertThat(r.eventCount()).isEqualTo(eventCounts.get(r.userId())))
        .allSatisfy(r -> assertThat(r.lastEventAt()).isEqualTo(last.get(r.userId())))
        .allSatisfy(
            r ->
                assertThat(r.tags())
                    .containsExactlyInAnyOrderElementsOf(
                        portraits.get(r.userId()).tags().keySet()));
    assertThat(queries.recentUsers(tagged("prime_repayer"), 500))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.tags()).contains("prime_repayer"));
  }

  @Test
  void aSegmentAndATimeRangeNarrowEveryOverviewQuery() throws SQLException {
    // membership as the real-time evaluator keeps it: rows of segment_members
    Set<String> members =
        users(e -> true).stream()
            .filter(u -> Math.floorMod(u.hashCode(), 3) == 0)
            .collect(Collectors.toSet());
    try (Connection c = runtime.database().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into segment_members (segment, user_id, version, entered_at)"
                    + " values ('third', ?, 1, now())")) {
      for (String m : members) {
        ps.setString(1, m);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    Instant from = LocalDate.parse("2026-05-01").atStartOfDay(ZONE).toInstant();
    Instant to = LocalDate.parse("2026-06-20").atStartOfDay(ZONE).toInstant();
    PopulationScope scope = new PopulationScope(null, "third", from, to);
    Predicate<Instant> inRange = t -> !t.isBefore(from) && t.isBefore(to);
    Map<String, Instant> last = lastEventPerUser();
    // portrait-based figures: members whose portrait time (last event) is in the range
    Set<String> portraitsInScope =
        members.stream().filter(u -> inRange.test(last.get(u))).collect(Collectors.toSet());
    // event-based figures: the members' events in the range
    Predicate<UserEvent> eventInScope =
        e -> members.contains(e.userId().value()) && inRange.test(e.occurredAt());
    assertThat(portraitsInScope).isNotEmpty().hasSizeLessThan(members.size());

    PopulationSummary summary = queries.summary(scope);
    assertThat(summary.users()).isEqualTo(portraitsInScope.size());
    assertThat(summary.events()).isEqualTo(events.stream().filter(eventInScope).count());
    assertThat(summary.firstEventAt()).isAfterOrEqualTo(from);

    Map<LocalDate, Long> newUsers = new TreeMap<>();
    queries.newUsersPerDay(scope).forEach(d -> newUsers.put(d.day(), d.count()));
    assertThat(newUsers)
        .isEqualTo(
            sqlCounts(
                """
                select (r.first_at at time zone 'Asia/Shanghai')::date, count(*)
                  from (select user_id, min(occurred_at) as first_at from events
                         where type = 'user_registered' group by user_id) r
                  join segment_members m on m.user_id = r.user_id and m.segment = 'third'
                 where r.first_at >= ? and r.first_at < ?
                 group by 1
                """,
                from,
                to));

    Map<String, UserRegistered> registration = latestRegistrations();
    registration.keySet().retainAll(portraitsInScope);
    Distribution gender =
        queries.demographics(scope).stream()
            .filter(d -> d.feature().equals("gender"))
            .findFirst()
            .orElseThrow();
    assertThat(counts(gender)).isEqualTo(tally(registration, r -> r.gender().toString()));

    Set<String> activity =
        PopulationQueries.ACTIVITY_TYPES.stream().map(t -> t.wire()).collect(Collectors.toSet());
    assertThat(queries.activityHeatmap(scope).stream().mapToLong(HeatCell::count).sum())
        .isEqualTo(
            events.stream()
                .filter(eventInScope)
                .filter(e -> activity.contains(e.type().wire()))
                .count());

    Map<String, Integer> furthest = new HashMap<>();
    for (UserEvent e : events) {
      if (portraitsInScope.contains(e.userId().value())) {
        furthest.merge(e.userId().value(), stage(e), Math::max);
      }
    }
    List<Bucket> funnel = queries.funnel(scope);
    for (int i = 0; i < 5; i++) {
      int rank = i + 1;
      assertThat(funnel.get(i).count())
          .as(funnel.get(i).key())
          .isEqualTo(furthest.values().stream().filter(st -> st >= rank).count());
    }

    LoanOverview loans = queries.loans(scope);
    assertThat(counts(loans.purposes()))
        .isEqualTo(
            of(LoanApplied.class).stream()
                .filter(eventInScope::test)
                .collect(groupingBy(a -> a.purpose().toString(), counting())));
    assertThat(counts(loans.timeliness()))
        .isEqualTo(
            of(RepaymentMade.class).stream()
                .filter(eventInScope::test)
                .collect(groupingBy(PopulationQueriesTest::timeliness, counting())));

    assertThat(queries.tagCounts(scope))
        .isEqualTo(
            portraitsInScope.stream()
                .flatMap(u -> portraits.get(u).tags().keySet().stream())
                .collect(groupingBy(t -> t, counting())));
    assertThat(queries.recentUsers(scope, 200))
        .extracting(UserRow::userId)
        .containsExactlyInAnyOrderElementsOf(portraitsInScope);
  }

  @Test
  void theTypedFeaturesAgreeWithTheJsonPortraitsForEveryScalarFeature() {
    // the projector writes portrait_features and profiles.features from the same values; this
    // cross-check reads them back independently, feature by feature, in SQL
    for (FeatureDefinition f : PortraitFeatureColumns.features()) {
      String json =
          switch (f.type()) {
            case NUMBER -> "(p.features->>'%s')::float8".formatted(f.name());
            case BOOLEAN -> "(p.features->>'%s')::boolean".formatted(f.name());
            default -> "p.features->>'%s'".formatted(f.name());
          };
      long[] counts = new long[3];
      try (Connection c = runtime.database().dataSource().getConnection();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  ("select count(*), count(*) filter (where %s is distinct from t.%s),"
                          + " count(t.%s) from profiles p left join portrait_features t"
                          + " using (user_id)")
                      .formatted(json, f.name(), f.name()))) {
        rs.next();
        counts[0] = rs.getLong(1);
        counts[1] = rs.getLong(2);
        counts[2] = rs.getLong(3);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      assertThat(counts[0]).isEqualTo(300);
      assertThat(counts[1]).as("users whose typed %s differs from the JSON", f.name()).isZero();
    }
    // and the values are not all missing: the demo fills the demographics and loan features
    assertThat(queries.demographics(ALL).get(1).buckets()).anyMatch(b -> b.count() > 0);
  }

  private static PopulationScope tagged(String tag) {
    return new PopulationScope(tag, null, null, null);
  }

  private static Map<LocalDate, Long> sqlCounts(String sql, Instant from, Instant to)
      throws SQLException {
    Map<LocalDate, Long> out = new TreeMap<>();
    try (Connection c = runtime.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(from));
      ps.setTimestamp(2, Timestamp.from(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
        }
      }
    }
    return out;
  }

  // --- independent computations from the events

  private static Set<String> users(Predicate<UserEvent> filter) {
    return events.stream().filter(filter).map(e -> e.userId().value()).collect(Collectors.toSet());
  }

  private static <T> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static Map<String, UserRegistered> latestRegistrations() {
    Comparator<UserRegistered> latest =
        Comparator.comparing(UserRegistered::occurredAt).thenComparing(r -> r.id().value());
    return of(UserRegistered.class).stream()
        .collect(
            Collectors.toMap(
                r -> r.userId().value(),
                r -> r,
                (a, b) -> latest.compare(a, b) >= 0 ? a : b,
                HashMap::new));
  }

  private static Map<String, Instant> lastEventPerUser() {
    return events.stream()
        .collect(
            Collectors.toMap(
                e -> e.userId().value(), UserEvent::occurredAt, (a, b) -> a.isAfter(b) ? a : b));
  }

  private static Map<String, Long> tally(
      Map<String, UserRegistered> registrations, Function<UserRegistered, String> key) {
    return registrations.values().stream().collect(groupingBy(key, counting()));
  }

  private static String ageBand(int age) {
    if (age < 18) {
      return "under_18";
    }
    int[] upper = {25, 35, 45, 55};
    String[] bands = {"18_24", "25_34", "35_44", "45_54"};
    for (int i = 0; i < upper.length; i++) {
      if (age < upper[i]) {
        return bands[i];
      }
    }
    return "55_plus";
  }

  /** The furthest funnel stage an event shows: 1 registered … 5 repaid, 0 none. */
  private static int stage(UserEvent e) {
    if (e instanceof UserRegistered) {
      return 1;
    } else if (e instanceof LoanApplied) {
      return 2;
    } else if (e instanceof LoanDecided d && d.outcome() == DecisionOutcome.APPROVED) {
      return 3;
    } else if (e instanceof LoanDisbursed) {
      return 4;
    } else if (e instanceof RepaymentMade) {
      return 5;
    }
    return 0;
  }

  private static String amountBand(LoanApplied a) {
    BigDecimal yuan = a.amount().amount();
    long[] lower = {50_000, 20_000, 10_000, 5_000, 3_000, 1_000};
    for (long bound : lower) {
      if (yuan.compareTo(BigDecimal.valueOf(bound)) >= 0) {
        return Long.toString(bound);
      }
    }
    return "0";
  }

  private static String timeliness(RepaymentMade r) {
    long late = r.paidDate().toEpochDay() - r.dueDate().toEpochDay();
    if (late <= 0) {
      return "on_time";
    }
    return late <= 7 ? "late_1_7" : late <= 30 ? "late_8_30" : "late_31_plus";
  }

  /** The non-empty buckets as key → count (the queries list absent categories with 0). */
  private static Map<String, Long> counts(List<Bucket> buckets) {
    return buckets.stream()
        .filter(b -> b.count() > 0)
        .collect(Collectors.toMap(Bucket::key, Bucket::count));
  }

  private static Map<String, Long> counts(Distribution d) {
    return counts(d.buckets());
  }

  private static long sum(List<Bucket> buckets) {
    return buckets.stream().mapToLong(Bucket::count).sum();
  }
}
