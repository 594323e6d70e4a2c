package io.huaxiang.store;

import io.huaxiang.core.decision.IdentifierKind;
import io.huaxiang.core.decision.ListKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** Black, grey and white lists keyed by the hashed identifier; clear values are never stored. */
public final class ListStore {
  private final DataSource db;

  public ListStore(DataSource db) {
    this.db = db;
  }

  /** One list entry. */
  public record Entry(
      ListKind list,
      IdentifierKind key,
      String keyHash,
      String reason,
      String addedBy,
      Instant addedAt) {}

  /** Adds (or re-adds, updating the reason) an entry. */
  public void add(
      ListKind list, IdentifierKind key, String keyHash, String reason, String by, Instant at) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into list_entries (list_kind, key_kind, key_hash, reason, added_by, added_at)"
                    + " values (?, ?, ?, ?, ?, ?) on conflict (key_kind, key_hash, list_kind) do update"
                    + " set reason = excluded.reason, added_by = excluded.added_by,"
                    + " added_at = excluded.added_at")) {
      ps.setString(1, list.name());
      ps.setString(2, key.name());
      ps.setString(3, keyHash);
      ps.setString(4, reason == null ? "" : reason);
      ps.setString(5, by);
      ps.setTimestamp(6, Timestamp.from(at));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot add a list entry", e);
    }
  }

  /** Removes an entry; returns whether it was there. */
  public boolean remove(ListKind list, IdentifierKind key, String keyHash) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "delete from list_entries where list_kind = ? and key_kind = ? and key_hash = ?")) {
      ps.setString(1, list.name());
      ps.setString(2, key.name());
      ps.setString(3, keyHash);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot remove a list entry", e);
    }
  }

  /** The lists any of the given hashed identifiers is on, in one query. */
  public Set<ListKind> hits(Map<IdentifierKind, String> hashes) {
    Set<ListKind> out = EnumSet.noneOf(ListKind.class);
    if (hashes.isEmpty()) {
      return out;
    }
    StringBuilder sql = new StringBuilder("select distinct list_kind from list_entries where ");
    List<String> params = new ArrayList<>();
    for (Map.Entry<IdentifierKind, String> e : hashes.entrySet()) {
      if (!params.isEmpty()) {
        sql.append(" or ");
      }
      sql.append("(key_kind = ? and key_hash = ?)");
      params.add(e.getKey().name());
      params.add(e.getValue());
    }
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        ps.setString(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(ListKind.valueOf(rs.getString(1)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot look up the lists", e);
    }
    return out;
  }

  /** Every entry, newest first, at most {@code limit}. */
  public List<Entry> list(int limit) {
    List<Entry> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select list_kind, key_kind, key_hash, reason, added_by, added_at from list_entries"
                    + " order by added_at desc, key_hash limit ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Entry(
                  ListKind.valueOf(rs.getString(1)),
                  IdentifierKind.valueOf(rs.getString(2)),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getTimestamp(6).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the lists", e);
    }
    return out;
  }
}
