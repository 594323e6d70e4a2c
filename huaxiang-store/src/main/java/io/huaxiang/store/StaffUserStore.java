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

/** Staff accounts in PostgreSQL: create, find, lock and unlock, count failed sign-ins. */
public final class StaffUserStore {
  private static final String COLUMNS =
      "select username, role, password_hash, failed_logins, locked_until, disabled, created_at,"
          + " last_login_at from staff_users ";

  private final DataSource db;

  public StaffUserStore(DataSource db) {
    this.db = db;
  }

  /**
   * Creates an account.
   *
   * @return false if the username is taken (nothing changed)
   */
  public boolean create(String username, String role, String passwordHash, Instant at) {
    return update(
            "insert into staff_users (username, role, password_hash, created_at)"
                + " values (?, ?, ?, ?) on conflict (username) do nothing",
            username,
            role,
            passwordHash,
            Timestamp.from(at))
        == 1;
  }

  /** Creates the account, or resets its role, password and locks if it exists (demo users). */
  public void upsert(String username, String role, String passwordHash, Instant at) {
    update(
        "insert into staff_users (username, role, password_hash, created_at) values (?, ?, ?, ?)"
            + " on conflict (username) do update set role = excluded.role,"
            + " password_hash = excluded.password_hash, failed_logins = 0, locked_until = null,"
            + " disabled = false",
        username,
        role,
        passwordHash,
        Timestamp.from(at));
  }

  public Optional<StaffUser> find(String username) {
    List<StaffUser> found = query("where username = ?", username);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every account, by username. */
  public List<StaffUser> list() {
    return query("order by username");
  }

  /** Whether an administrator exists who is not disabled (the start-up check). */
  public boolean hasActiveAdmin() {
    return !query("where role = 'admin' and not disabled limit 1").isEmpty();
  }

  /** Locks ({@code true}) or unlocks an account by hand; unlocking also clears failed sign-ins. */
  public boolean setDisabled(String username, boolean disabled) {
    String sql =
        disabled
            ? "update staff_users set disabled = true where username = ?"
            : "update staff_users set disabled = false, failed_logins = 0, locked_until = null"
                + " where username = ?";
    return update(sql, username) == 1;
  }

  public boolean setPassword(String username, String passwordHash) {
    return update(
            "update staff_users set password_hash = ?, failed_logins = 0, locked_until = null"
                + " where username = ?",
            passwordHash,
            username)
        == 1;
  }

  /**
   * Counts one wrong password, atomically, and locks the account until {@code lockUntil} when the
   * count reaches {@code maxFailures}; the count starts again after the lock.
   *
   * @return the account after the update, empty if there is no such account
   */
  public Optional<StaffUser> recordFailure(String username, int maxFailures, Instant lockUntil) {
    update(
        "update staff_users set failed_logins = failed_logins + 1,"
            + " locked_until = case when failed_logins + 1 >= ? then ? else locked_until end"
            + " where username = ?",
        maxFailures,
        Timestamp.from(lockUntil),
        username);
    update(
        "update staff_users set failed_logins = 0 where username = ? and failed_logins >= ?",
        username,
        maxFailures);
    return find(username);
  }

  /** A successful sign-in: clears the failure count. */
  public void recordSuccess(String username, Instant at) {
    update(
        "update staff_users set failed_logins = 0, locked_until = null, last_login_at = ?"
            + " where username = ?",
        Timestamp.from(at),
        username);
  }

  private int update(String sql, Object... params) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update staff accounts", e);
    }
  }

  private List<StaffUser> query(String where, Object... params) {
    List<StaffUser> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(COLUMNS + where)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new StaffUser(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  instant(rs.getTimestamp(5)),
                  rs.getBoolean(6),
                  instant(rs.getTimestamp(7)),
                  instant(rs.getTimestamp(8))));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read staff accounts", e);
    }
    return out;
  }

  static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
