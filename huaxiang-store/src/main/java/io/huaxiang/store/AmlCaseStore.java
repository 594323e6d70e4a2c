package io.huaxiang.store;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stored AML findings: large-value reports and suspicious-activity cases, one row per customer,
 * rule, direction and window. Storing a finding again (a rescan, a later transaction the same day)
 * merges its transactions into the row, so screening can be repeated safely.
 */
public final class AmlCaseStore {
  private final DataSource db;

  public AmlCaseStore(DataSource db) {
    this.db = db;
  }

  /**
   * One finding.
   *
   * @param kind {@code large_value} or {@code suspicious}
   */
  public record AmlCase(
      long id,
      String kind,
      String rule,
      String userId,
      String direction,
      Instant windowStart,
      Instant windowEnd,
      BigDecimal total,
      BigDecimal threshold,
      List<String> transactionIds,
      String status,
      Instant raisedAt,
      Instant updatedAt) {}

  /** Inserts or merges findings (id, status and the two times are set by the store). */
  public void upsert(Collection<AmlCase> found, Instant now) {
    if (found.isEmpty()) {
      return;
    }
    // a report and its continuations (later transactions the same day) share one row
    java.util.Map<List<Object>, AmlCase> merged = new java.util.LinkedHashMap<>();
    for (AmlCase a : found) {
      merged.merge(
          List.of(a.kind(), a.rule(), a.userId(), a.direction(), a.windowStart()),
          a,
          AmlCaseStore::merge);
    }
    Collection<AmlCase> cases = merged.values();
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                insert into aml_cases (kind, rule, user_id, direction, window_start, window_end,
                    total, threshold, transaction_ids, raised_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (kind, rule, user_id, direction, window_start) do update set
                  window_end = greatest(aml_cases.window_end, excluded.window_end),
                  total = greatest(aml_cases.total, excluded.total),
                  transaction_ids = (select array_agg(distinct t order by t) from
                      unnest(aml_cases.transaction_ids || excluded.transaction_ids) t),
                  updated_at = excluded.updated_at
                """)) {
      for (AmlCase a : cases) {
        ps.setString(1, a.kind());
        ps.setString(2, a.rule());
        ps.setString(3, a.userId());
        ps.setString(4, a.direction());
        ps.setTimestamp(5, Timestamp.from(a.windowStart()));
        ps.setTimestamp(6, Timestamp.from(a.windowEnd()));
        ps.setBigDecimal(7, a.total());
        ps.setBigDecimal(8, a.threshold());
        ps.setArray(9, c.createArrayOf("text", a.transactionIds().toArray()));
        ps.setTimestamp(10, Timestamp.from(now));
        ps.setTimestamp(11, Timestamp.from(now));
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new StoreException("cannot store " + cases.size() + " AML cases", e);
    }
  }

  private static AmlCase merge(AmlCase a, AmlCase b) {
    java.util.TreeSet<String> ids = new java.util.TreeSet<>(a.transactionIds());
    ids.addAll(b.transactionIds());
    return new AmlCase(
        0,
        a.kind(),
        a.rule(),
        a.userId(),
        a.direction(),
        a.windowStart(),
        a.windowEnd().isAfter(b.windowEnd()) ? a.windowEnd() : b.windowEnd(),
        a.total().max(b.total()),
        a.threshold(),
        List.copyOf(ids),
        a.status(),
        null,
        null);
  }

  /**
   * The newest findings first, optionally of one kind or user, leaving out users whose data was
   * erased (their cases stay stored, under the legal retention duty, for storage-level access).
   */
  public List<AmlCase> list(String kind, String userId, int limit) {
    List<AmlCase> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                select id, kind, rule, user_id, direction, window_start, window_end, total,
                       threshold, transaction_ids, status, raised_at, updated_at
                  from aml_cases
                 where (?::text is null or kind = ?) and (?::text is null or user_id = ?)
                   and user_id not in (select user_id from erasures)
                 order by raised_at desc, id desc limit ?
                """)) {
      ps.setString(1, kind);
      ps.setString(2, kind);
      ps.setString(3, userId);
      ps.setString(4, userId);
      ps.setInt(5, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Array ids = rs.getArray(10);
          out.add(
              new AmlCase(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getTimestamp(6).toInstant(),
                  rs.getTimestamp(7).toInstant(),
                  rs.getBigDecimal(8),
                  rs.getBigDecimal(9),
                  Arrays.asList((String[]) ids.getArray()),
                  rs.getString(11),
                  rs.getTimestamp(12).toInstant(),
                  rs.getTimestamp(13).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot list AML cases", e);
    }
    return out;
  }

  /** How far the screening has read the event log. */
  public long screenedSeq() {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select applied_seq from projector_checkpoint where name = 'aml'");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new StoreException("cannot read the AML checkpoint", e);
    }
  }

  public void screened(long seq, Instant now) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                """
                insert into projector_checkpoint (name, applied_seq, updated_at) values ('aml', ?, ?)
                on conflict (name) do update set applied_seq = excluded.applied_seq,
                  updated_at = excluded.updated_at
                """)) {
      ps.setLong(1, seq);
      ps.setTimestamp(2, Timestamp.from(now));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot write the AML checkpoint", e);
    }
  }
}
