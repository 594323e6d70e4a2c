package io.huaxiang.store;

import io.huaxiang.core.event.EventType;
import io.huaxiang.core.privacy.DataCategory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Legal holds, erasures and the restricted storage of what a law obliges us to keep after an
 * erasure (PIPL Art 47 with the loan and AML record-keeping duties).
 */
public final class SubjectStore {
  private final DataSource db;

  public SubjectStore(DataSource db) {
    this.db = db;
  }

  /** A legal hold on a user's data. */
  public record LegalHold(String userId, String reason, Instant placedAt, String placedBy) {}

  /**
   * What an erasure did.
   *
   * @param deleted events removed for good
   * @param restricted events moved to restricted storage (legal duty or legal hold)
   * @param profiles portrait snapshots removed
   * @param tagPeriods tag-history rows removed
   * @param deadLetters refused records naming the user removed
   * @param onHold whether a legal hold kept every event (restricted, none deleted)
   * @param decisions loan decisions moved to restricted storage (loan records: a legal duty)
   * @param reviewTasksClosed open review tasks of those decisions closed by the erasure
   * @param commitmentsReleased credit committed to the user that was released (0 or 1 row)
   */
  public record Erasure(
      String userId,
      long deleted,
      long restricted,
      int profiles,
      int tagPeriods,
      int deadLetters,
      boolean onHold,
      long decisions,
      long reviewTasksClosed,
      long commitmentsReleased) {}

  public void placeHold(String userId, String reason, String by, Instant at) {
    update(
        """
        insert into legal_holds (user_id, reason, placed_at, placed_by) values (?, ?, ?, ?)
        on conflict (user_id) do update set reason = excluded.reason,
          placed_at = excluded.placed_at, placed_by = excluded.placed_by
        """,
        userId,
        reason,
        Timestamp.from(at),
        by);
  }

  /** Releases a hold; returns whether there was one. */
  public boolean releaseHold(String userId) {
    return update("delete from legal_holds where user_id = ?", userId) > 0;
  }

  public Optional<LegalHold> hold(String userId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select reason, placed_at, placed_by from legal_holds where user_id = ?")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new LegalHold(
                    userId, rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the legal hold", e);
    }
  }

  /** Every user erased so far, to refuse their new events and keep them out of portraits. */
  public Set<String> erasedUsers() {
    Set<String> out = new HashSet<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("select user_id from erasures");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read erasures", e);
    }
    return out;
  }

  /**
   * Erases a user in one transaction: events under a legal retention duty (or all of them, under a
   * legal hold) move to restricted storage, the rest are deleted; snapshots, tag history and dead
   * letters naming the user are deleted, and so are the typed features and segment membership; loan
   * decisions and their review tasks (loan records) move to restricted storage after open tasks are
   * closed; committed credit is released; the erasure is recorded.
   */
  public Erasure erase(String userId, String by, String requestRef, Instant at) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean onHold = exists(c, "select 1 from legal_holds where user_id = ?", userId);
        long restricted = 0;
        for (DataCategory category : DataCategory.values()) {
          if (onHold || category.legalDuty()) {
            restricted += restrict(c, userId, category, at);
          }
        }
        long total = delete(c, "delete from events where user_id = ?", userId);
        // the typed features would go with the profile (on delete cascade); said here explicitly
        delete(c, "delete from portrait_features where user_id = ?", userId);
        int profiles = (int) delete(c, "delete from profiles where user_id = ?", userId);
        int tags = (int) delete(c, "delete from tag_history where user_id = ?", userId);
        int letters = (int) delete(c, "delete from dead_letters where user_id = ?", userId);
        delete(c, "delete from segment_members where user_id = ?", userId);
        delete(c, "delete from segment_membership_events where user_id = ?", userId);
        long closed =
            update(
                c,
                "update review_tasks set status = 'closed', closed_at = ?, closed_by = ?,"
                    + " resolution = 'closed: data subject erased' where user_id = ?"
                    + " and status = 'open'",
                Timestamp.from(at),
                by,
                userId);
        Period loan = DataCategory.LOAN.retention();
        restrictRows(c, userId, "review_tasks", "task_id", "created_at", loan, at);
        long decisions =
            restrictRows(c, userId, "decisions", "decision_id", "decided_at", loan, at);
        delete(c, "delete from review_tasks where user_id = ?", userId);
        delete(c, "delete from decisions where user_id = ?", userId);
        delete(c, "delete from credit_grants where user_id = ?", userId);
        long released = delete(c, "delete from credit_commitments where user_id = ?", userId);
        try (PreparedStatement ps =
            c.prepareStatement(
                """
                insert into erasures (user_id, erased_at, erased_by, request_ref,
                                      events_deleted, events_restricted, decisions_restricted,
                                      review_tasks_closed, commitments_released)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (user_id) do update set erased_at = excluded.erased_at,
                  erased_by = excluded.erased_by, request_ref = excluded.request_ref,
                  events_deleted = erasures.events_deleted + excluded.events_deleted,
                  events_restricted = erasures.events_restricted + excluded.events_restricted,
                  decisions_restricted =
                    erasures.decisions_restricted + excluded.decisions_restricted,
                  review_tasks_closed = erasures.review_tasks_closed + excluded.review_tasks_closed,
                  commitments_released =
                    erasures.commitments_released + excluded.commitments_released
                """)) {
          ps.setString(1, userId);
          ps.setTimestamp(2, Timestamp.from(at));
          ps.setString(3, by);
          ps.setString(4, requestRef);
          ps.setLong(5, total - restricted);
          ps.setLong(6, restricted);
          ps.setLong(7, decisions);
          ps.setLong(8, closed);
          ps.setLong(9, released);
          ps.executeUpdate();
        }
        c.commit();
        return new Erasure(
            userId,
            total - restricted,
            restricted,
            profiles,
            tags,
            letters,
            onHold,
            decisions,
            closed,
            released);
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot erase a user", e);
    }
  }

  /** Deletes a user's portrait snapshot (again, after erasure, in case a snapshot raced it). */
  public int deleteProfile(String userId) {
    // the typed features (portrait_features) go with it: on delete cascade
    return update("delete from profiles where user_id = ?", userId);
  }

  /**
   * A user's rows of another feature's table (e.g. {@code decisions}), as JSON objects, for the
   * data-subject export; empty when the table or its {@code user_id} column does not exist.
   */
  public java.util.List<String> rowsOf(String table, String userId) {
    if (!table.matches("[a-z_]{1,40}")) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "select 1 from information_schema.columns where table_schema = current_schema()"
                  + " and table_name = ? and column_name = 'user_id'")) {
        ps.setString(1, table);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return out;
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("select to_jsonb(t)::text from " + table + " t where t.user_id = ?")) {
        ps.setString(1, userId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read " + table + " of a user", e);
    }
    return out;
  }

  /** Storage-level count of a user's restricted events (for compliance and tests only). */
  public long restrictedCount(String userId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select count(*) from restricted_events where user_id = ?")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count restricted events", e);
    }
  }

  /**
   * Deletes what has outlived its retention period: events of each category older than the period
   * before {@code now}, restricted events past their date, and dead letters older than {@code
   * deadLetterDays}; users under a legal hold are skipped.
   *
   * @return rows deleted, by category name (plus {@code restricted} and {@code dead_letters})
   */
  public Map<String, Long> purgeExpired(Instant now, int deadLetterDays, boolean dryRun) {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      for (DataCategory category : DataCategory.values()) {
        LocalDateTime cutoff =
            LocalDateTime.ofInstant(now, ZoneOffset.UTC).minus(category.retention());
        out.put(
            category.name().toLowerCase(java.util.Locale.ROOT),
            count(
                c,
                dryRun,
                "from events where type = any(?) and occurred_at < ?"
                    + " and user_id not in (select user_id from legal_holds)",
                ps -> {
                  ps.setArray(1, c.createArrayOf("text", wires(category)));
                  ps.setTimestamp(2, Timestamp.from(cutoff.toInstant(ZoneOffset.UTC)));
                }));
      }
      out.put(
          "restricted",
          count(
              c,
              dryRun,
              "from restricted_events where retain_until < ?"
                  + " and user_id not in (select user_id from legal_holds)",
              ps -> ps.setTimestamp(1, Timestamp.from(now))));
      out.put(
          "restricted_records",
          count(
              c,
              dryRun,
              "from restricted_records where retain_until < ?"
                  + " and user_id not in (select user_id from legal_holds)",
              ps -> ps.setTimestamp(1, Timestamp.from(now))));
      out.put(
          "aml_cases",
          count(
              c,
              dryRun,
              "from aml_cases where raised_at < ?"
                  + " and user_id not in (select user_id from legal_holds)",
              ps ->
                  ps.setTimestamp(
                      1,
                      Timestamp.from(
                          LocalDateTime.ofInstant(now, ZoneOffset.UTC)
                              .minus(DataCategory.AML.retention())
                              .toInstant(ZoneOffset.UTC)))));
      out.put(
          "dead_letters",
          count(
              c,
              dryRun,
              "from dead_letters where received_at < ?",
              ps ->
                  ps.setTimestamp(1, Timestamp.from(now.minusSeconds(86_400L * deadLetterDays)))));
      c.commit();
    } catch (SQLException e) {
      throw new StoreException("cannot apply the retention policies", e);
    }
    return out;
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static long count(Connection c, boolean dryRun, String from, Binder binder)
      throws SQLException {
    String sql =
        dryRun
            ? "select count(*) " + from
            : "with gone as (delete " + from + " returning 1) select count(*) from gone";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String[] wires(DataCategory category) {
    return category.eventTypes().stream().map(EventType::wire).toArray(String[]::new);
  }

  private static long restrict(Connection c, String userId, DataCategory category, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
            insert into restricted_events (seq, event_id, user_id, type, occurred_at, received_at,
                source, payload, sealed, key_id, category, restricted_at, retain_until)
            select seq, event_id, user_id, type, occurred_at, received_at, source, payload, sealed,
                   key_id, ?, ?, occurred_at + ?::interval
              from events where user_id = ? and type = any(?)
            on conflict (seq) do nothing
            """)) {
      ps.setString(1, category.name());
      ps.setTimestamp(2, Timestamp.from(at));
      ps.setString(3, category.retention().toTotalMonths() + " months");
      ps.setString(4, userId);
      ps.setArray(5, c.createArrayOf("text", wires(category)));
      return ps.executeUpdate();
    }
  }

  /**
   * Copies a user's rows of {@code table} as JSON into {@code restricted_records} (category LOAN,
   * kept for {@code retention} from the row's own time); returns how many rows were copied.
   */
  private static long restrictRows(
      Connection c,
      String userId,
      String table,
      String keyColumn,
      String timeColumn,
      Period retention,
      Instant at)
      throws SQLException {
    // table and column names are constants of this class, never input
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into restricted_records (user_id, source_table, record_key, record, category,"
                + " restricted_at, retain_until) select user_id, '"
                + table
                + "', "
                + keyColumn
                + "::text, to_jsonb(t), ?, ?, "
                + timeColumn
                + " + ?::interval from "
                + table
                + " t where user_id = ? on conflict (source_table, record_key) do nothing")) {
      ps.setString(1, DataCategory.LOAN.name());
      ps.setTimestamp(2, Timestamp.from(at));
      ps.setString(3, retention.toTotalMonths() + " months");
      ps.setString(4, userId);
      return ps.executeUpdate();
    }
  }

  private static long update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }

  private static boolean exists(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static long delete(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      return ps.executeUpdate();
    }
  }

  private int update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update legal holds", e);
    }
  }
}
