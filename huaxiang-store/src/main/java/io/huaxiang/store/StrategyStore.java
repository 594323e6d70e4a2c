package io.huaxiang.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Strategies with their whole history: uploads are kept as candidates; activating one makes it the
 * product's champion and retires the previous champion in the same transaction; at most one
 * challenger per product runs beside the champion for a share of users.
 */
public final class StrategyStore {
  private static final String COLUMNS =
      "select strategy_id, version, product_id, source, fingerprint, uploaded_by, uploaded_at, role,"
          + " challenger_share, activated_by, activated_at from strategies ";

  private final DataSource db;

  public StrategyStore(DataSource db) {
    this.db = db;
  }

  /**
   * Stores an uploaded (already validated) strategy version as a candidate; uploading the same text
   * again is a no-op.
   *
   * @throws IllegalArgumentException if the version exists with a different text
   */
  public StoredStrategy upload(
      String id,
      int version,
      String productId,
      String source,
      String fingerprint,
      String by,
      Instant at) {
    Optional<StoredStrategy> existing = find(id, version);
    if (existing.isPresent()) {
      if (!existing.get().fingerprint().equals(fingerprint)) {
        throw new IllegalArgumentException(
            "strategy " + id + " v" + version + " exists with another text; raise the version");
      }
      return existing.get();
    }
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into strategies (strategy_id, version, product_id, source, fingerprint,"
                    + " uploaded_by, uploaded_at, role) values (?, ?, ?, ?, ?, ?, ?, 'candidate')"
                    + " on conflict do nothing")) {
      ps.setString(1, id);
      ps.setInt(2, version);
      ps.setString(3, productId);
      ps.setString(4, source);
      ps.setString(5, fingerprint);
      ps.setString(6, by);
      ps.setTimestamp(7, Timestamp.from(at));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store strategy " + id, e);
    }
    return find(id, version).orElseThrow();
  }

  /**
   * Makes a version the champion ({@code challengerShare} null) or the challenger of its product;
   * the role's previous holder is retired.
   */
  public StoredStrategy activate(
      String id, int version, BigDecimal challengerShare, String by, Instant at) {
    StoredStrategy s =
        find(id, version)
            .orElseThrow(() -> new IllegalArgumentException("no strategy " + id + " v" + version));
    String role = challengerShare == null ? "champion" : "challenger";
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock =
            c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
          lock.setString(1, "strategy:" + s.productId());
          lock.execute();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "update strategies set role = 'retired', challenger_share = null"
                    + " where product_id = ? and role = ? and not (strategy_id = ? and version = ?)")) {
          ps.setString(1, s.productId());
          ps.setString(2, role);
          ps.setString(3, id);
          ps.setInt(4, version);
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "update strategies set role = ?, challenger_share = ?, activated_by = ?,"
                    + " activated_at = ? where strategy_id = ? and version = ?")) {
          ps.setString(1, role);
          ps.setBigDecimal(2, challengerShare);
          ps.setString(3, by);
          ps.setTimestamp(4, Timestamp.from(at));
          ps.setString(5, id);
          ps.setInt(6, version);
          ps.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot activate strategy " + id, e);
    }
    return find(id, version).orElseThrow();
  }

  /** Ends the product's challenger, if any. */
  public void stopChallenger(String productId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update strategies set role = 'retired', challenger_share = null"
                    + " where product_id = ? and role = 'challenger'")) {
      ps.setString(1, productId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot stop the challenger of " + productId, e);
    }
  }

  public Optional<StoredStrategy> find(String id, int version) {
    List<StoredStrategy> out = query("where strategy_id = ? and version = ?", id, version);
    return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
  }

  /** The strategy holding {@code role} ({@code champion} or {@code challenger}) for a product. */
  public Optional<StoredStrategy> holding(String productId, String role) {
    List<StoredStrategy> out = query("where product_id = ? and role = ?", productId, role);
    return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
  }

  /** Every version of every strategy, newest upload first. */
  public List<StoredStrategy> history() {
    return query("order by uploaded_at desc, strategy_id, version desc");
  }

  private List<StoredStrategy> query(String where, Object... params) {
    try {
      return Rows.list(db, COLUMNS + where, StrategyStore::row, params);
    } catch (SQLException e) {
      throw new StoreException("cannot read strategies", e);
    }
  }

  private static StoredStrategy row(ResultSet rs) throws SQLException {
    Timestamp activated = rs.getTimestamp(11);
    return new StoredStrategy(
        rs.getString(1),
        rs.getInt(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getTimestamp(7).toInstant(),
        rs.getString(8),
        rs.getBigDecimal(9),
        rs.getString(10),
        activated == null ? null : activated.toInstant());
  }
}
