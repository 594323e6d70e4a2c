package io.huaxiang.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The scores each registered model gave, kept for stability monitoring: points and, for scorecards,
 * the bin of every feature (as JSON {@code {"feature": binIndex}}). No applicant identifier is
 * stored.
 */
public final class ModelScoreLog {
  private final DataSource db;

  public ModelScoreLog(DataSource db) {
    this.db = db;
  }

  /** One logged score. */
  public record Entry(Instant scoredAt, int points, String binsJson) {}

  /** Appends scores of one model in one transaction. */
  public void append(long modelId, Instant at, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into model_scores (model_id, scored_at, points, bins)"
                    + " values (?, ?, ?, ?::jsonb)")) {
      c.setAutoCommit(false);
      for (Entry e : entries) {
        ps.setLong(1, modelId);
        ps.setTimestamp(2, Timestamp.from(e.scoredAt() == null ? at : e.scoredAt()));
        ps.setInt(3, e.points());
        ps.setString(4, e.binsJson());
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    } catch (SQLException e) {
      throw new StoreException("cannot log model scores: " + e.getMessage(), e);
    }
  }

  /** Scores of a model in {@code [from, to)}, oldest first, at most {@code limit}. */
  public List<Entry> between(long modelId, Instant from, Instant to, int limit) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select scored_at, points, bins::text from model_scores"
                    + " where model_id = ? and scored_at >= ? and scored_at < ?"
                    + " order by scored_at, id limit ?")) {
      ps.setLong(1, modelId);
      ps.setTimestamp(2, Timestamp.from(from));
      ps.setTimestamp(3, Timestamp.from(to));
      ps.setInt(4, limit);
      List<Entry> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Entry(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getString(3)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read model scores: " + e.getMessage(), e);
    }
  }
}
