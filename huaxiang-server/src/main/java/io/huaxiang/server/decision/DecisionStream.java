package io.huaxiang.server.decision;

import io.huaxiang.store.StoreException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The decision stream over a time window, grouped in PostgreSQL: per bucket the outcome mix and
 * average score, plus the latest decisions. Latency comes from {@link DecisionLatency} (the stored
 * decisions do not carry it).
 */
final class DecisionStream {
  private static final int RECENT = 20;

  private final DataSource db;
  private final DecisionLatency latency;

  DecisionStream(DataSource db, DecisionLatency latency) {
    this.db = db;
    this.latency = latency;
  }

  /**
   * One bucket of the stream.
   *
   * @param avgScore mean score of the scored decisions, null if none was scored
   * @param latencyAvgMs mean answer time of the decision API, null if not timed by this server
   */
  record Bucket(
      Instant at,
      long total,
      long approve,
      long decline,
      long review,
      long defer,
      Double avgScore,
      Double latencyAvgMs,
      Double latencyMaxMs) {}

  /** The window's totals: approval rate is approvals over all decisions. */
  record Totals(
      long total,
      long approve,
      long decline,
      long review,
      long defer,
      Double approvalRate,
      Double avgScore,
      Double latencyAvgMs) {}

  /** One recent decision, newest first. */
  record Recent(
      UUID decisionId,
      String userId,
      String product,
      String outcome,
      Integer score,
      String band,
      BigDecimal requestedAmount,
      BigDecimal approvedAmount,
      String strategy,
      String arm,
      Instant decidedAt) {}

  record View(
      Instant from,
      Instant to,
      int bucketSeconds,
      Totals totals,
      List<Bucket> buckets,
      List<Recent> recent) {}

  View between(Instant from, Instant to, int bucketSeconds) {
    Map<Long, long[]> counts = new TreeMap<>();
    Map<Long, double[]> scores = new TreeMap<>();
    String sql =
        "select floor(extract(epoch from decided_at) / ?)::bigint as b, outcome, count(*),"
            + " sum(score), count(score) from decisions where decided_at >= ? and decided_at < ?"
            + " group by 1, 2";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, bucketSeconds);
      ps.setTimestamp(2, Timestamp.from(from));
      ps.setTimestamp(3, Timestamp.from(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long b = rs.getLong(1);
          long[] row = counts.computeIfAbsent(b, k -> new long[5]);
          long n = rs.getLong(3);
          row[0] += n;
          int slot =
              switch (rs.getString(2)) {
                case "APPROVE" -> 1;
                case "DECLINE" -> 2;
                case "REVIEW" -> 3;
                default -> 4; // DEFER
              };
          row[slot] += n;
          double[] s = scores.computeIfAbsent(b, k -> new double[2]);
          s[0] += rs.getDouble(4);
          s[1] += rs.getLong(5);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the decision stream", e);
    }
    Map<Long, double[]> timing = new TreeMap<>();
    latency
        .between(from, to)
        .forEach(
            (minute, m) -> {
              double[] t = timing.computeIfAbsent(minute * 60 / bucketSeconds, k -> new double[3]);
              t[0] += m.count();
              t[1] += m.totalMicros();
              t[2] = Math.max(t[2], m.maxMicros());
            });
    List<Bucket> buckets = new ArrayList<>();
    long first = from.getEpochSecond() / bucketSeconds;
    long last = (to.getEpochSecond() - 1) / bucketSeconds;
    long[] sum = new long[5];
    double scoreSum = 0;
    double scored = 0;
    double timedCount = 0;
    double timedMicros = 0;
    for (long b = first; b <= last; b++) {
      long[] row = counts.getOrDefault(b, new long[5]);
      double[] s = scores.getOrDefault(b, new double[2]);
      double[] t = timing.get(b);
      for (int i = 0; i < 5; i++) {
        sum[i] += row[i];
      }
      scoreSum += s[0];
      scored += s[1];
      if (t != null) {
        timedCount += t[0];
        timedMicros += t[1];
      }
      buckets.add(
          new Bucket(
              Instant.ofEpochSecond(b * bucketSeconds),
              row[0],
              row[1],
              row[2],
              row[3],
              row[4],
              s[1] == 0 ? null : s[0] / s[1],
              t == null ? null : t[1] / t[0] / 1000,
              t == null ? null : t[2] / 1000));
    }
    Totals totals =
        new Totals(
            sum[0],
            sum[1],
            sum[2],
            sum[3],
            sum[4],
            sum[0] == 0 ? null : (double) sum[1] / sum[0],
            scored == 0 ? null : scoreSum / scored,
            timedCount == 0 ? null : timedMicros / timedCount / 1000);
    return new View(from, to, bucketSeconds, totals, buckets, recent(from, to));
  }

  private List<Recent> recent(Instant from, Instant to) {
    String sql =
        "select decision_id, user_id, product_id, outcome, score, band, requested_amount,"
            + " approved_amount, strategy, arm, decided_at from decisions"
            + " where decided_at >= ? and decided_at < ? order by decided_at desc, decision_id"
            + " limit ?";
    List<Recent> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(from));
      ps.setTimestamp(2, Timestamp.from(to));
      ps.setInt(3, RECENT);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int points = rs.getInt(5);
          Integer score = rs.wasNull() ? null : points;
          out.add(
              new Recent(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  score,
                  rs.getString(6),
                  rs.getBigDecimal(7),
                  rs.getBigDecimal(8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getTimestamp(11).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read recent decisions", e);
    }
    return out;
  }
}
