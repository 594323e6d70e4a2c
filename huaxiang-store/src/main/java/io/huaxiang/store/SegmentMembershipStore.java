package io.huaxiang.store;

import io.huaxiang.core.segment.MembershipChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** Current segment members and every entry and exit, as the real-time evaluation produced them. */
public final class SegmentMembershipStore {
  private final DataSource db;

  public SegmentMembershipStore(DataSource db) {
    this.db = db;
  }

  /** One day of a segment's trend: entries, exits and the size at the end of the day. */
  public record TrendDay(LocalDate day, long entered, long left, long size) {}

  /** Records changes in order, in one transaction: the events and the current members. */
  public void record(Collection<MembershipChange> changes, Instant recordedAt) {
    if (changes.isEmpty()) {
      return;
    }
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement event =
              c.prepareStatement(
                  "insert into segment_membership_events"
                      + " (segment, version, user_id, entered, at, recorded_at)"
                      + " values (?, ?, ?, ?, ?, ?)");
          PreparedStatement enter =
              c.prepareStatement(
                  "insert into segment_members (segment, user_id, version, entered_at)"
                      + " values (?, ?, ?, ?) on conflict (segment, user_id) do update"
                      + " set version = excluded.version, entered_at = excluded.entered_at");
          PreparedStatement leave =
              c.prepareStatement("delete from segment_members where segment = ? and user_id = ?")) {
        Timestamp recorded = Timestamp.from(recordedAt);
        // every change is an event; the member rows only need each user's last change
        Map<String, MembershipChange> last = new LinkedHashMap<>();
        for (MembershipChange m : changes) {
          event.setString(1, m.segment());
          event.setInt(2, m.version());
          event.setString(3, m.userId());
          event.setBoolean(4, m.entered());
          event.setTimestamp(5, Timestamp.from(m.at()));
          event.setTimestamp(6, recorded);
          event.addBatch();
          last.put(m.segment() + '\u0000' + m.userId(), m);
        }
        for (MembershipChange m : last.values()) {
          if (m.entered()) {
            enter.setString(1, m.segment());
            enter.setString(2, m.userId());
            enter.setInt(3, m.version());
            enter.setTimestamp(4, Timestamp.from(m.at()));
            enter.addBatch();
          } else {
            leave.setString(1, m.segment());
            leave.setString(2, m.userId());
            leave.addBatch();
          }
        }
        event.executeBatch();
        enter.executeBatch();
        leave.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot record " + changes.size() + " segment changes", e);
    }
  }

  /** The current members of a segment, as stored. */
  public Set<String> members(String segment) {
    Set<String> out = new HashSet<>();
    query(
        "select user_id from segment_members where segment = ?",
        rs -> out.add(rs.getString(1)),
        segment);
    return out;
  }

  /** The newest segment version that produced a stored change, or 0. */
  public int evaluatedVersion(String segment) {
    int[] v = {0};
    query(
        "select coalesce(max(version), 0) from segment_membership_events where segment = ?",
        rs -> v[0] = rs.getInt(1),
        segment);
    return v[0];
  }

  public long size(String segment) {
    long[] n = {0};
    query(
        "select count(*) from segment_members where segment = ?",
        rs -> n[0] = rs.getLong(1),
        segment);
    return n[0];
  }

  /**
   * Entries, exits and size per local day of the portrait time, over the whole history of the
   * segment (every version).
   */
  public List<TrendDay> trend(String segment, ZoneId zone) {
    List<TrendDay> out = new ArrayList<>();
    query(
        """
        select day, ent, lft, sum(ent - lft) over (order by day) from (
          select (at at time zone ?)::date as day,
                 count(*) filter (where entered) as ent,
                 count(*) filter (where not entered) as lft
            from segment_membership_events where segment = ? group by 1) d
         order by day
        """,
        rs ->
            out.add(
                new TrendDay(
                    rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4))),
        zone.getId(),
        segment);
    return out;
  }

  /** The most recent entries and exits of a segment, newest first. */
  public List<MembershipChange> recent(String segment, int limit) {
    List<MembershipChange> out = new ArrayList<>();
    query(
        "select segment, version, user_id, entered, at from segment_membership_events"
            + " where segment = ? order by at desc, id desc limit ?",
        rs ->
            out.add(
                new MembershipChange(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getBoolean(4),
                    rs.getTimestamp(5).toInstant())),
        segment,
        limit);
    return out;
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private void query(String sql, Row row, Object... params) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          row.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read segment membership", e);
    }
  }
}
