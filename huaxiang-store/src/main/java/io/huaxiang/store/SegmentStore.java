package io.huaxiang.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Saved segments, every version kept; the caller validates expressions before saving. */
public final class SegmentStore {
  private static final String COLUMNS =
      "select name, version, expression, description, created_at, created_by from segments ";

  private final DataSource db;

  public SegmentStore(DataSource db) {
    this.db = db;
  }

  /** Saves a new version of {@code name} (version 1 for a new name). */
  public SegmentDefinition save(
      String name, String expression, String description, String by, Instant at) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement lock =
          c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
        lock.setString(1, "segment:" + name);
        lock.execute();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              """
              insert into segments (name, version, expression, description, created_at, created_by)
              select ?, coalesce(max(version), 0) + 1, ?, ?, ?, ? from segments where name = ?
              """)) {
        ps.setString(1, name);
        ps.setString(2, expression);
        ps.setString(3, description == null ? "" : description);
        ps.setTimestamp(4, Timestamp.from(at));
        ps.setString(5, by);
        ps.setString(6, name);
        ps.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      throw new StoreException("cannot save segment " + name, e);
    }
    return latest(name).orElseThrow();
  }

  public Optional<SegmentDefinition> latest(String name) {
    List<SegmentDefinition> out = query("where name = ? order by version desc limit 1", name);
    return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
  }

  public List<SegmentDefinition> history(String name) {
    return query("where name = ? order by version", name);
  }

  /** The latest version of every segment. */
  public List<SegmentDefinition> list() {
    return query(
        "s where version = (select max(version) from segments t where t.name = s.name)"
            + " order by name");
  }

  private List<SegmentDefinition> query(String where, Object... params) {
    List<SegmentDefinition> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(COLUMNS + where)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new SegmentDefinition(
                  rs.getString(1),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getTimestamp(5).toInstant(),
                  rs.getString(6)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read segments", e);
    }
    return out;
  }
}
