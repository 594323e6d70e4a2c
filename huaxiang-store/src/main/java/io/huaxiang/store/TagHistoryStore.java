package io.huaxiang.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/** When each user gained and lost each tag. */
public final class TagHistoryStore {
  private final DataSource db;

  public TagHistoryStore(DataSource db) {
    this.db = db;
  }

  /** Records transitions in order: a gain opens a period, a loss closes the open one. */
  public void record(Collection<TagTransition> transitions) {
    if (transitions.isEmpty()) {
      return;
    }
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement gain =
              c.prepareStatement(
                  "insert into tag_history (user_id, tag, gained_at) values (?, ?, ?)"
                      + " on conflict do nothing");
          PreparedStatement loss =
              c.prepareStatement(
                  "update tag_history set lost_at = ? where user_id = ? and tag = ?"
                      + " and lost_at is null")) {
        for (TagTransition t : transitions) {
          if (t.gained()) {
            gain.setString(1, t.userId());
            gain.setString(2, t.tag());
            gain.setTimestamp(3, Timestamp.from(t.at()));
            gain.executeUpdate();
          } else {
            loss.setTimestamp(1, Timestamp.from(t.at()));
            loss.setString(2, t.userId());
            loss.setString(3, t.tag());
            loss.executeUpdate();
          }
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot record " + transitions.size() + " tag transitions", e);
    }
  }

  public List<TagPeriod> history(String userId) {
    List<TagPeriod> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select tag, gained_at, lost_at from tag_history where user_id = ?"
                    + " order by gained_at, tag")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp lost = rs.getTimestamp(3);
          out.add(
              new TagPeriod(
                  rs.getString(1),
                  rs.getTimestamp(2).toInstant(),
                  lost == null ? null : lost.toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read tag history of " + userId, e);
    }
    return out;
  }
}
