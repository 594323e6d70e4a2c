package io.huaxiang.server.console;

import io.huaxiang.core.event.EventType;
import io.huaxiang.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Population analytics for the console, computed in PostgreSQL over the profile snapshots ({@code
 * profiles.features}, {@code profiles.tags}) and the event log, so no query loads all users into
 * the JVM: each returns at most a few hundred grouped rows.
 *
 * <p>Every query takes an optional tag: when given, only users currently holding that tag count.
 * Profile features are as of each user's last event (what the snapshot stores); hours and days are
 * counted in the configured zone.
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

  private static final String PROFILE_SCOPE = " and tags @> array[?]::text[]";
  private static final String EVENT_SCOPE =
      " and user_id in (select user_id from profiles where tags @> array[?]::text[])";

  private final DataSource db;
  private final String zone;

  public PopulationQueries(DataSource db, ZoneId zone) {
    this.db = db;
    this.zone = zone.getId();
  }

  /** Users, their events and the time span they cover. */
  public PopulationSummary summary(String tag) {
    long[] users = new long[2];
    rows(
        "select count(*), count(*) filter (where cardinality(tags) > 0) from profiles where true"
            + scope(PROFILE_SCOPE, tag),
        rs -> {
          users[0] = rs.getLong(1);
          users[1] = rs.getLong(2);
          return null;
        },
        tag);
    Object[] ev = new Object[3];
    rows(
        "select count(*), min(occurred_at), max(occurred_at) from events where true"
            + scope(EVENT_SCOPE, tag),
        rs -> {
          ev[0] = rs.getLong(1);
          ev[1] = instant(rs.getTimestamp(2));
          ev[2] = instant(rs.getTimestamp(3));
          return null;
        },
        tag);
    return new PopulationSummary(
        users[0], (Long) ev[0], users[1], (Instant) ev[1], (Instant) ev[2]);
  }

  /** Users per day of their first registration event (每日新增注册). */
  public List<DailyCount> newUsersPerDay(String tag) {
    return rows(
        """
        select day, count(*) from (
          select (min(occurred_at) at time zone ?)::date as day
            from events where type = 'user_registered'%s
           group by user_id) r
         group by day order by day
        """
            .formatted(scope(EVENT_SCOPE, tag)),
        rs -> new DailyCount(rs.getObject(1, java.time.LocalDate.class), rs.getLong(2)),
        zone,
        tag);
  }

  /** The demographic distributions: age band, gender, city tier, education, income band. */
  public List<Distribution> demographics(String tag) {
    return List.of(
        distribution("age_band", "年龄段", "Age band", AGE_BAND, CategoryLabels.AGE_BAND, tag),
        distribution("gender", "性别", "Gender", "features->>'gender'", CategoryLabels.GENDER, tag),
        distribution("city_tier", "城市等级", "City tier", CITY_TIER, CategoryLabels.CITY_TIER, tag),
        distribution(
            "education",
            "学历",
            "Education",
            "features->>'education'",
            CategoryLabels.EDUCATION,
            tag),
        distribution(
            "income_band",
            "收入区间",
            "Income band",
            "features->>'income_band'",
            CategoryLabels.INCOME_BAND,
            tag));
  }

  /** Activity events per weekday and hour (Monday = 0), only the non-empty cells. */
  public List<HeatCell> activityHeatmap(String tag) {
    String types =
        ACTIVITY_TYPES.stream().map(t -> "'" + t.wire() + "'").collect(Collectors.joining(", "));
    return rows(
        """
        select extract(isodow from occurred_at at time zone ?)::int - 1,
               extract(hour from occurred_at at time zone ?)::int, count(*)
          from events where type in (%s)%s
         group by 1, 2 order by 1, 2
        """
            .formatted(types, scope(EVENT_SCOPE, tag)),
        rs -> new HeatCell(rs.getInt(1), rs.getInt(2), rs.getLong(3)),
        zone,
        zone,
        tag);
  }

  /**
   * Users who reached at least each funnel stage (转化漏斗), registered → repaid, from the portrait's
   * furthest stage ({@code funnel_stage_rank}).
   */
  public List<Bucket> funnel(String tag) {
    long[] reached = new long[5];
    rows(
        """
        select count(*) filter (where r >= 1), count(*) filter (where r >= 2),
               count(*) filter (where r >= 3), count(*) filter (where r >= 4),
               count(*) filter (where r >= 5)
          from (select %s as r from profiles where true%s) p
        """
            .formatted(number("funnel_stage_rank"), scope(PROFILE_SCOPE, tag)),
        rs -> {
          for (int i = 0; i < reached.length; i++) {
            reached[i] = rs.getLong(i + 1);
          }
          return null;
        },
        tag);
    Map<String, Long> counts = new LinkedHashMap<>();
    var stages = io.huaxiang.core.profile.FunnelStage.values();
    for (int i = 0; i < stages.length; i++) {
      counts.put(stages[i].toString(), reached[i]);
    }
    return CategoryLabels.FUNNEL.buckets(counts, true);
  }

  /** Loan purposes, requested amounts, repayment modes and repayment timeliness, over events. */
  public LoanOverview loans(String tag) {
    String es = scope(EVENT_SCOPE, tag);
    Map<String, Long> purposes =
        counts(
            "select coalesce(payload->>'purpose', 'unknown'), count(*) from events"
                + " where type = 'loan_applied'"
                + es
                + " group by 1",
            tag);
    Map<String, Long> amounts =
        counts(
            """
            select case when a < 1000 then '0' when a < 3000 then '1000'
                        when a < 5000 then '3000' when a < 10000 then '5000'
                        when a < 20000 then '10000' when a < 50000 then '20000'
                        else '50000' end, count(*)
              from (select (payload->>'amount')::numeric as a from events
                     where type = 'loan_applied'%s) x
             group by 1
            """
                .formatted(es),
            tag);
    Map<String, Long> modes =
        counts(
            "select coalesce(payload->>'repayment_mode', 'unknown'), count(*) from events"
                + " where type = 'loan_disbursed'"
                + es
                + " group by 1",
            tag);
    Map<String, Long> timeliness =
        counts(
            """
            select case when late <= 0 then 'on_time' when late <= 7 then 'late_1_7'
                        when late <= 30 then 'late_8_30' else 'late_31_plus' end, count(*)
              from (select (payload->>'paid_date')::date - (payload->>'due_date')::date as late
                      from events where type = 'repayment_made'%s) x
             group by 1
            """
                .formatted(es),
            tag);
    return new LoanOverview(
        CategoryLabels.LOAN_PURPOSE.buckets(purposes, true),
        CategoryLabels.AMOUNT_BAND.buckets(amounts, true),
        CategoryLabels.REPAYMENT_MODE.buckets(modes, true),
        CategoryLabels.TIMELINESS.buckets(timeliness, true));
  }

  /** Users per tag they currently hold, most common first; labels are added by the caller. */
  public Map<String, Long> tagCounts(String tag) {
    Map<String, Long> out = new LinkedHashMap<>();
    rows(
        "select t, count(*) from profiles, unnest(tags) as t where true"
            + scope(PROFILE_SCOPE, tag)
            + " group by t order by 2 desc, 1",
        rs -> out.put(rs.getString(1), rs.getLong(2)),
        tag);
    return out;
  }

  /** The most recently active users (by their last event), at most {@code limit}. */
  public List<UserRow> recentUsers(String tag, int limit) {
    return rows(
        "select user_id, event_count, last_event_at, tags from profiles where true"
            + scope(PROFILE_SCOPE, tag)
            + " order by last_event_at desc nulls last, user_id limit ?",
        rs ->
            new UserRow(
                rs.getString(1),
                rs.getLong(2),
                instant(rs.getTimestamp(3)),
                List.of((String[]) rs.getArray(4).getArray())),
        tag,
        limit);
  }

  // --- SQL building blocks

  /** A numeric feature, 0 when absent (a missing or null JSON value). */
  private static String number(String feature) {
    return "case when jsonb_typeof(features->'%s') = 'number' then (features->>'%s')::numeric else 0 end"
        .formatted(feature, feature);
  }

  private static final String AGE = "(features->>'age')::numeric";
  private static final String AGE_BAND =
      """
      case when coalesce(jsonb_typeof(features->'age'), 'null') <> 'number' then null
           when %1$s < 18 then 'under_18' when %1$s < 25 then '18_24'
           when %1$s < 35 then '25_34' when %1$s < 45 then '35_44'
           when %1$s < 55 then '45_54' else '55_plus' end
      """
          .formatted(AGE);
  private static final String CITY_TIER =
      "case when jsonb_typeof(features->'city_tier') = 'number'"
          + " then ((features->>'city_tier')::numeric)::int::text end";

  private Distribution distribution(
      String name, String zh, String en, String expression, CategoryLabels labels, String tag) {
    Map<String, Long> counts =
        counts(
            "select coalesce(%s, 'unknown'), count(*) from profiles where true%s group by 1"
                .formatted(expression, scope(PROFILE_SCOPE, tag)),
            tag);
    return new Distribution(name, zh, en, labels.buckets(counts, true));
  }

  private static String scope(String clause, String tag) {
    return tag == null ? "" : clause;
  }

  private Map<String, Long> counts(String sql, String tag) {
    Map<String, Long> out = new LinkedHashMap<>();
    rows(sql, rs -> out.put(rs.getString(1), rs.getLong(2)), tag);
    return out;
  }

  /** A row mapper that may throw what JDBC throws. */
  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * Runs a query; {@code params} are bound in order, and a trailing null (no tag filter) is not
   * bound because its placeholder is then absent from the SQL.
   */
  private <T> List<T> rows(String sql, Row<T> row, Object... params) {
    List<Object> bound =
        Stream.of(params).filter(java.util.Objects::nonNull).map(p -> (Object) p).toList();
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
