package io.huaxiang.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/** API keys of machine clients, stored by hash; the caller hashes and generates the keys. */
public final class ApiKeyStore {
  private static final String COLUMNS =
      "select name, key_prefix, scopes, created_by, created_at, revoked_at from api_keys ";

  private final DataSource db;

  public ApiKeyStore(DataSource db) {
    this.db = db;
  }

  /**
   * Stores a new key.
   *
   * @return false if the name is taken (nothing stored)
   */
  public boolean create(
      String name, String prefix, String keyHash, Set<String> scopes, String by, Instant at) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into api_keys (name, key_prefix, key_hash, scopes, created_by, created_at)"
                    + " values (?, ?, ?, ?, ?, ?) on conflict (name) do nothing")) {
      StaffUserStore.bind(
          ps,
          name,
          prefix,
          keyHash,
          String.join(",", new TreeSet<>(scopes)),
          by,
          Timestamp.from(at));
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot store API key " + name, e);
    }
  }

  /** The unrevoked key with this hash, if any. */
  public Optional<ApiKey> findActive(String keyHash) {
    List<ApiKey> found = query("where key_hash = ? and revoked_at is null", keyHash);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every key, revoked ones included, by name. */
  public List<ApiKey> list() {
    return query("order by name");
  }

  /**
   * Revokes a key at once.
   *
   * @return false if there is no usable key of that name
   */
  public boolean revoke(String name, Instant at) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update api_keys set revoked_at = ? where name = ? and revoked_at is null")) {
      StaffUserStore.bind(ps, Timestamp.from(at), name);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot revoke API key " + name, e);
    }
  }

  private List<ApiKey> query(String where, Object... params) {
    List<ApiKey> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(COLUMNS + where)) {
      StaffUserStore.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String scopes = rs.getString(3);
          out.add(
              new ApiKey(
                  rs.getString(1),
                  rs.getString(2),
                  scopes.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(scopes.split(","))),
                  rs.getString(4),
                  StaffUserStore.instant(rs.getTimestamp(5)),
                  StaffUserStore.instant(rs.getTimestamp(6))));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read API keys", e);
    }
    return out;
  }
}
