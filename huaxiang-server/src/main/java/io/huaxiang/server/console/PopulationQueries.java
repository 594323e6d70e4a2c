package io.huaxiang.server.console;

import io.huaxiang.core.event.EventType;
import io.huaxiang.core.profile.FunnelStage;
import io.huaxiang.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Population analytics for the console, computed in PostgreSQL over the typed portrait features
 * ({@code portrait_features}), the tags of the snapshots ({@code profiles.tags}) and the event log,
 * so no query loads all users into the JVM: each returns at most a few hundred grouped rows.
 *
 * <p>Every query takes a {@link PopulationScope}: only holders of a tag, only members of a segment,
 * and a time range that selects events by event time for event-based figures (events, new users,
 * the heatmap, loans) and users by their portrait time (last event) for portrait-based ones (users,
 * demographics, the funnel, tags). Profile features are as of each user's last event; hours and
 * days are counted in the configured zone.
 */
public final class PopulationQueries {
  /** The event types that count as user activity, as in the portrait's activity features. */
  static final List<EventType> ACTIVITY_TYPES =
      List.of(
          EventType.USER_REGISTERED,
          EventType.SESSION,
          EventType.PAGE_VIEW,
          EventType.LOAN_APPLIED,
          EventType.REPAYMENT_MADE,
          EventType.TRANSACTION);

  private final DataSource db;
  private final ZoneId zoneId;
  private final String zone;

  public PopulationQueries(DataSource db, ZoneId zone) {
    this.db = db;
    this.zoneId = zone;
    this.zone = zone.getId();
  }

  /** Users, their events and the time span they cover. */
  public PopulationSummary summary(PopulationScope scope) {
    long[] users = new long[2];
    PopulationScope.Sql p = scope.features();
    rows(
        "select count(*), count(*) filter (where cardinality(x.tags) > 0)"
            + " from portrait_features f join profiles x using (user_id) where true"
            + p,
        rs -> {
          users[0] = rs.getLong(1);
          users[1] = rs.getLong(2);
          return null;
        },
        p.params);
    Object[] ev = new Object[3];
    PopulationScope.Sql e = scope.events();
    rows(
        "select count(*), min(occurred_at), max(occurred_at) from events where true" + e,
        rs -> {
          ev[0] = rs.getLong(1);
          ev[1] = instant(rs.getTimestamp(2));
          ev[2] = instant(rs.getTimestamp(3));
          return null;
        },
        e.params);
    return new PopulationSummary(
        users[0], (Long) ev[0], users[1], (Instant) ev[1], (Instant) ev[2], zone);
  }

  /**
   * Users per day of their first registration event (每日新增注册); the range selects by that first
   * registration.
   */
  public List<DailyCount> newUsersPerDay(PopulationScope scope) {
    PopulationScope.Sql u = scope.users();
    List<Object> params = new ArrayList<>();
    params.add(zone);
    params.addAll(u.params);
    String range = "";
    if (scope.from() != null) {
      range += " and first_at >= ?";
      params.add(Timestamp.from(scope.from()));
    }
    if (scope.to() != null) {
      range += " and first_at < ?";
      params.add(Timestamp.from(scope.to()));
    }
    return rows(
        """
        select (first_at at time zone ?)::date as day, count(*) from (
          select min(occurred_at) as first_at
            from events where type = 'user_registered'%s
           group by user_id) r
         where true%s
         group by day order by day
        """
            .formatted(u, range),
        rs -> new DailyCount(rs.getObject(1, LocalDate.class), rs.getLong(2)),
        params);
  }

  /**
   * The demographic distributions: age band, gender, city tier, education, income band, from one
   * scan of the profiles.
   */
  public List<Distribution> demographics(PopulationScope scope) {
    List<Dimension> dimensions =
        List.of(
            new Dimension("age_band", "年龄段", "Age band", AGE_BAND, CategoryLabels.AGE_BAND),
            new Dimension("gender", "性别", "Gender", "f.gender", CategoryLabels.GENDER),
            new Dimension(
                "city_tier",
                "城市等级",
                "City tier",
                "f.city_tier::int::text",
                CategoryLabels.CITY_TIER),
            new Dimension("education", "学历", "Education", "f.education", CategoryLabels.EDUCATION),
            new Dimension(
                "income_band", "收入区间", "Income band", "f.income_band", CategoryLabels.INCOME_BAND));
    String columns =
        dimensions.stream()
            .map(d -> "coalesce(%s, 'unknown') as %s".formatted(d.expression(), d.name()))
            .collect(Collectors.joining(",\n  "));
    String groups =
        dimensions.stream()
            .map(d -> "select '%1$s', %1$s, count(*) from p group by 2".formatted(d.name()))
            .collect(Collectors.joining("\nunion all "));
    PopulationScope.Sql where = scope.features();
    Map<String, Map<String, Long>> counts =
        grouped(
            "with p as materialized (select %s from %s where true%s)\n%s"
                .formatted(columns, FEATURES, where, groups),
            where.params);
    return dimensions.stream()
        .map(
            d ->
                new Distribution(
                    d.name(),
                    d.labelZh(),
                    d.labelEn(),
                    d.labels().buckets(counts.getOrDefault(d.name(), Map.of()), true)))
        .toList();
  }

  /** A categorical view of the users: its SQL expression over the typed features and labels. */
  private record Dimension(
      String name, String labelZh, String labelEn, String expression, CategoryLabels labels) {}

  /**
   * Activity events per weekday and hour (Monday = 0) in the configured zone, only the non-empty
   * cells.
   *
   * <p>PostgreSQL counts per UTC time bucket (an hour, or a quarter hour for zones with offsets
   * that are not whole hours), a few thousand rows for months of events; each bucket is then placed
   * into its local weekday and hour here. Converting every event with {@code at time zone} in SQL
   * gives the same cells, but on 3 million events read from an index it took 2.5 times as long.
   */
  public List<HeatCell> activityHeatmap(PopulationScope scope) {
    String types =
        ACTIVITY_TYPES.stream().map(t -> "'" + t.wire() + "'").collect(Collectors.joining(", "));
    long bucket = wholeHours(zoneId) ? 3600 : 900;
    long[] cells = new long[7 * 24];
    PopulationScope.Sql e = scope.events();
    rows(
        """
        select floor(extract(epoch from occurred_at) / %d)::bigint, count(*)
          from events where type in (%s)%s
         group by 1
        """
            .formatted(bucket, types, e),
        rs -> {
          ZonedDateTime local = Instant.ofEpochSecond(rs.getLong(1) * bucket).atZone(zoneId);
          cells[(local.getDayOfWeek().getValue() - 1) * 24 + local.getHour()] += rs.getLong(2);
          return null;
        },
        e.params);
    List<HeatCell> out = new ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] > 0) {
        out.add(new HeatCell(i / 24, i % 24, cells[i]));
      }
    }
    return out;
  }

  /**
   * Whether every offset the zone has used since 1970 or will use is a whole number of hours (local
   * mean times of the 19th century such as Shanghai's +08:05:43 are irrelevant to event data).
   * Every offset since 1970 is a multiple of 15 minutes, which the quarter-hour buckets cover.
   */
  static boolean wholeHours(ZoneId zone) {
    ZoneRules rules = zone.getRules();
    Stream<ZoneOffset> offsets =
        Stream.concat(
            Stream.of(rules.getOffset(Instant.EPOCH)),
            Stream.concat(
                rules.getTransitions().stream()
                    .filter(t -> t.getInstant().isAfter(Instant.EPOCH))
                    .flatMap(t -> Stream.of(t.getOffsetBefore(), t.getOffsetAfter())),
                rules.getTransitionRules().stream()
                    .flatMap(r -> Stream.of(r.getOffsetBefore(), r.getOffsetAfter()))));
    return offsets.allMatch(o -> o.getTotalSeconds() % 3600 == 0);
  }

  /**
   * Users who reached at least each funnel stage (转化漏斗), registered → repaid, from the portrait's
   * furthest stage ({@code funnel_stage_rank}).
   */
  public List<Bucket> funnel(PopulationScope scope) {
    long[] reached = new long[5];
    PopulationScope.Sql where = scope.features();
    rows(
        """
        select count(*) filter (where r >= 1), count(*) filter (where r >= 2),
               count(*) filter (where r >= 3), count(*) filter (where r >= 4),
               count(*) filter (where r >= 5)
          from (select coalesce(f.funnel_stage_rank, 0) as r from %s where true%s) p
        """
            .formatted(FEATURES, where),
        rs -> {
          for (int i = 0; i < reached.length; i++) {
            reached[i] = rs.getLong(i + 1);
          }
          return null;
        },
        where.params);
    Map<String, Long> counts = new LinkedHashMap<>();
    FunnelStage[] stages = FunnelStage.values();
    for (int i = 0; i < stages.length; i++) {
      counts.put(stages[i].toString(), reached[i]);
    }
    return CategoryLabels.FUNNEL.buckets(counts, true);
  }

  /**
   * Loan purposes, requested amounts, repayment modes and repayment timeliness, from one scan of
   * the loan events.
   */
  public LoanOverview loans(PopulationScope scope) {
    PopulationScope.Sql e = scope.events();
    Map<String, Map<String, Long>> counts =
        grouped(
            """
            with e as materialized (
              select type, payload->>'purpose' as purpose,
                     (payload->>'amount')::numeric as amount,
                     payload->>'repayment_mode' as mode,
                     (payload->>'paid_date')::date - (payload->>'due_date')::date as late
                from events
               where type in ('loan_applied', 'loan_disbursed', 'repayment_made')%s)
            select 'purpose', coalesce(purpose, 'unknown'), count(*)
              from e where type = 'loan_applied' group by 2
            union all
            select 'amount',
                   case when amount < 1000 then '0' when amount < 3000 then '1000'
                        when amount < 5000 then '3000' when amount < 10000 then '5000'
                        when amount < 20000 then '10000' when amount < 50000 then '20000'
                        else '50000' end, count(*)
              from e where type = 'loan_applied' group by 2
            union all
            select 'mode', coalesce(mode, 'unknown'), count(*)
              from e where type = 'loan_disbursed' group by 2
            union all
            select 'timeliness',
                   case when late <= 0 then 'on_time' when late <= 7 then 'late_1_7'
                        when late <= 30 then 'late_8_30' else 'late_31_plus' end, count(*)
              from e where type = 'repayment_made' group by 2
            """
                .formatted(e),
            e.params);
    return new LoanOverview(
        CategoryLabels.LOAN_PURPOSE.buckets(counts.getOrDefault("purpose", Map.of()), true),
        CategoryLabels.AMOUNT_BAND.buckets(counts.getOrDefault("amount", Map.of()), true),
        CategoryLabels.REPAYMENT_MODE.buckets(counts.getOrDefault("mode", Map.of()), true),
        CategoryLabels.TIMELINESS.buckets(counts.getOrDefault("timeliness", Map.of()), true));
  }

  /** Users per tag they currently hold, most common first; labels are added by the caller. */
  public Map<String, Long> tagCounts(PopulationScope scope) {
    Map<String, Long> out = new LinkedHashMap<>();
    PopulationScope.Sql where = scope.features();
    rows(
        "select t, count(*) from profiles x join portrait_features f using (user_id),"
            + " unnest(x.tags) as t where true"
            + where
            + " group by t order by 2 desc, 1",
        rs -> out.put(rs.getString(1), rs.getLong(2)),
        where.params);
    return out;
  }

  /** The most recently active users (by their last event), at most {@code limit}. */
  public List<UserRow> recentUsers(PopulationScope scope, int limit) {
    PopulationScope.Sql where = scope.profiles();
    List<Object> params = new ArrayList<>(where.params);
    params.add(limit);
    return rows(
        "select user_id, event_count, last_event_at, tags from profiles where true"
            + where
            + " order by last_event_at desc nulls last, user_id limit ?",
        rs ->
            new UserRow(
                rs.getString(1),
                rs.getLong(2),
                instant(rs.getTimestamp(3)),
                List.of((String[]) rs.getArray(4).getArray())),
        params);
  }

  // --- SQL building blocks

  /**
   * The typed features the overview reads ({@code portrait_features}, V41): reading a value from
   * {@code profiles.features} would decompress the user's whole JSON document.
   */
  private static final String FEATURES = "portrait_features f";

  private static final String AGE_BAND =
      """
      case when f.age is null then null
           when f.age < 18 then 'under_18' when f.age < 25 then '18_24'
           when f.age < 35 then '25_34' when f.age < 45 then '35_44'
           when f.age < 55 then '45_54' else '55_plus' end""";

  /** Rows of (group, key, count) as group → key → count. */
  private Map<String, Map<String, Long>> grouped(String sql, List<Object> params) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    rows(
        sql,
        rs ->
            out.computeIfAbsent(rs.getString(1), g -> new LinkedHashMap<>())
                .put(rs.getString(2), rs.getLong(3)),
        params);
    return out;
  }

  /** A row mapper that may throw what JDBC throws. */
  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Runs a query; {@code params} are bound in order. */
  private <T> List<T> rows(String sql, Row<T> row, List<Object> bound) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < bound.size(); i++) {
        ps.setObject(i + 1, bound.get(i));
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("population query failed: " + e.getMessage(), e);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
