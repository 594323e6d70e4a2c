package io.huaxiang.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Review tasks; one open task per decision and kind, so a repeated request is not a new task. */
public final class ReviewTaskStore {
  private static final String COLUMNS =
      "select task_id, decision_id, user_id, kind, note, status, created_at, due_at, closed_at,"
          + " closed_by, resolution from review_tasks ";

  private final DataSource db;

  public ReviewTaskStore(DataSource db) {
    this.db = db;
  }

  /** Opens a task, or returns the open one of the same decision and kind. */
  public ReviewTask open(
      UUID decisionId, String userId, String kind, String note, Instant at, Instant due) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into review_tasks (decision_id, user_id, kind, note, status, created_at,"
                    + " due_at) values (?, ?, ?, ?, 'open', ?, ?) on conflict do nothing")) {
      ps.setObject(1, decisionId);
      ps.setString(2, userId);
      ps.setString(3, kind);
      ps.setString(4, note == null ? "" : note);
      ps.setTimestamp(5, Timestamp.from(at));
      ps.setTimestamp(6, Timestamp.from(due));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot open a review task", e);
    }
    return query("where decision_id = ? and kind = ? and status = 'open'", decisionId, kind).get(0);
  }

  /** Closes an open task with its resolution; empty if there is no such open task. */
  public Optional<ReviewTask> close(long taskId, String by, String resolution, Instant at) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update review_tasks set status = 'closed', closed_at = ?, closed_by = ?,"
                    + " resolution = ? where task_id = ? and status = 'open'")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setString(2, by);
      ps.setString(3, resolution);
      ps.setLong(4, taskId);
      if (ps.executeUpdate() == 0) {
        return Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot close review task " + taskId, e);
    }
    return Optional.of(query("where task_id = ?", taskId).get(0));
  }

  /** Tasks with a status ({@code open}, {@code closed}), soonest due first. */
  public List<ReviewTask> list(String status, int limit) {
    return query("where status = ? order by due_at, task_id limit ?", status, limit);
  }

  private List<ReviewTask> query(String where, Object... params) {
    try {
      return Rows.list(db, COLUMNS + where, ReviewTaskStore::row, params);
    } catch (SQLException e) {
      throw new StoreException("cannot read review tasks", e);
    }
  }

  private static ReviewTask row(ResultSet rs) throws SQLException {
    Timestamp closed = rs.getTimestamp(9);
    return new ReviewTask(
        rs.getLong(1),
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant(),
        rs.getTimestamp(8).toInstant(),
        closed == null ? null : closed.toInstant(),
        rs.getString(10),
        rs.getString(11));
  }
}
