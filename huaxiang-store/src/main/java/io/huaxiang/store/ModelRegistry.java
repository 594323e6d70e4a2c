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

/**
 * The model registry in PostgreSQL: versions per model name, statuses, approvals.
 *
 * <p>Rules kept here so every caller obeys them: versions count up per name; putting a model to
 * work (challenger or champion) needs an approver who is not the registrant (four eyes); promoting
 * a champion retires the previous champion of that name in the same transaction.
 */
public final class ModelRegistry {
  private final DataSource db;

  public ModelRegistry(DataSource db) {
    this.db = db;
  }

  /** Registers a new draft version of {@code name}; returns it. */
  public RegisteredModel register(
      String name, String kind, String artifactJson, String fingerprint, String by, Instant at) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement lock =
          c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
        lock.setString(1, "model:" + name);
        lock.execute();
      }
      long id;
      try (PreparedStatement ps =
          c.prepareStatement(
              """
              insert into models (name, version, kind, status, artifact, fingerprint, created_at,
                                  created_by)
              select ?, coalesce(max(version), 0) + 1, ?, 'draft', ?::jsonb, ?, ?, ?
                from models where name = ?
              returning id
              """)) {
        ps.setString(1, name);
        ps.setString(2, kind);
        ps.setString(3, artifactJson);
        ps.setString(4, fingerprint);
        ps.setTimestamp(5, Timestamp.from(at));
        ps.setString(6, by);
        ps.setString(7, name);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      c.commit();
      return find(id).orElseThrow();
    } catch (SQLException e) {
      throw new StoreException("cannot register model " + name, e);
    }
  }

  /** Moves a model to a status; see the class comment for the rules. */
  public RegisteredModel setStatus(long id, ModelStatus status, String approver, Instant at) {
    RegisteredModel model =
        find(id).orElseThrow(() -> new IllegalArgumentException("no model with id " + id));
    boolean putToWork = status == ModelStatus.CHALLENGER || status == ModelStatus.CHAMPION;
    if (putToWork && (approver == null || approver.isBlank())) {
      throw new IllegalArgumentException("a " + status.wire() + " needs an approver");
    }
    if (putToWork && approver.equals(model.createdBy())) {
      throw new IllegalArgumentException(
          "four eyes: " + approver + " registered this model and cannot approve it");
    }
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      if (status == ModelStatus.CHAMPION) {
        try (PreparedStatement retire =
            c.prepareStatement(
                "update models set status = 'retired' where name = ? and status = 'champion'")) {
          retire.setString(1, model.name());
          retire.executeUpdate();
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "update models set status = ?, approved_by = coalesce(?, approved_by),"
                  + " approved_at = case when ? then ? else approved_at end where id = ?")) {
        ps.setString(1, status.wire());
        ps.setString(2, putToWork ? approver : null);
        ps.setBoolean(3, putToWork);
        ps.setTimestamp(4, Timestamp.from(at));
        ps.setLong(5, id);
        ps.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      throw new StoreException("cannot change the status of model " + id, e);
    }
    return find(id).orElseThrow();
  }

  public Optional<RegisteredModel> find(long id) {
    List<RegisteredModel> out = query("where id = ?", id);
    return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
  }

  /** Every version of every model, newest first. */
  public List<RegisteredModel> list() {
    return query("order by name, version desc");
  }

  /** The artifact JSON of a model version. */
  public Optional<String> artifact(long id) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select artifact::text from models where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the artifact of model " + id, e);
    }
  }

  private List<RegisteredModel> query(String where, Object... params) {
    List<RegisteredModel> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select id, name, version, kind, status, fingerprint, created_at, created_by,"
                    + " approved_by, approved_at from models "
                    + where)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp approved = rs.getTimestamp(10);
          out.add(
              new RegisteredModel(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getInt(3),
                  rs.getString(4),
                  ModelStatus.fromWire(rs.getString(5)),
                  rs.getString(6),
                  rs.getTimestamp(7).toInstant(),
                  rs.getString(8),
                  rs.getString(9),
                  approved == null ? null : approved.toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the model registry", e);
    }
    return out;
  }
}
