package io.huaxiang.store;

import io.huaxiang.core.profile.FeatureDefinition;
import io.huaxiang.core.profile.FeatureType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Profile snapshots, their typed features ({@code portrait_features}) and the projector checkpoint,
 * written together in one transaction so a restart resumes exactly after the last event the
 * snapshots contain and analytics never see features out of step with the snapshots.
 */
public final class ProfileStore {
  private static final String UPSERT =
      """
      insert into profiles (user_id, format_version, event_count, last_event_at, state, features,
                            tags, tag_since, updated_at)
      values (?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?)
      on conflict (user_id) do update set
        format_version = excluded.format_version, event_count = excluded.event_count,
        last_event_at = excluded.last_event_at, state = excluded.state,
        features = excluded.features, tags = excluded.tags, tag_since = excluded.tag_since,
        updated_at = excluded.updated_at
      """;

  /** Upserts a user's typed features: the same values as {@code profiles.features}. */
  private static final String UPSERT_FEATURES = upsertFeatures();

  private final DataSource db;
  private final String projector;

  public ProfileStore(DataSource db, String projector) {
    this.db = db;
    this.projector = projector;
  }

  /** Saves snapshots and moves the checkpoint to {@code appliedSeq}, atomically. */
  public void save(Collection<ProfileSnapshot> snapshots, long appliedSeq, Instant now) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
        Timestamp updated = Timestamp.from(now);
        for (ProfileSnapshot s : snapshots) {
          ps.setString(1, s.userId());
          ps.setInt(2, s.formatVersion());
          ps.setLong(3, s.eventCount());
          ps.setTimestamp(4, s.lastEventAt() == null ? null : Timestamp.from(s.lastEventAt()));
          ps.setString(5, s.stateJson());
          ps.setString(6, s.featuresJson());
          ps.setArray(7, c.createArrayOf("text", s.tags().toArray()));
          ps.setString(8, s.tagSinceJson());
          ps.setTimestamp(9, updated);
          ps.addBatch();
        }
        ps.executeBatch();
        saveFeatures(c, snapshots);
        try (PreparedStatement cp =
            c.prepareStatement(
                """
                insert into projector_checkpoint (name, applied_seq, updated_at) values (?, ?, ?)
                on conflict (name) do update set applied_seq = excluded.applied_seq,
                                                 updated_at = excluded.updated_at
                """)) {
          cp.setString(1, projector);
          cp.setLong(2, appliedSeq);
          cp.setTimestamp(3, updated);
          cp.executeUpdate();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot save " + snapshots.size() + " profile snapshots", e);
    }
  }

  /** Writes the typed features of the snapshots that carry them, in the caller's transaction. */
  private static void saveFeatures(Connection c, Collection<ProfileSnapshot> snapshots)
      throws SQLException {
    List<FeatureDefinition> features = PortraitFeatureColumns.features();
    try (PreparedStatement ps = c.prepareStatement(UPSERT_FEATURES)) {
      int batched = 0;
      for (ProfileSnapshot s : snapshots) {
        if (s.scalars().isEmpty()) {
          continue;
        }
        ps.setString(1, s.userId());
        ps.setTimestamp(2, s.lastEventAt() == null ? null : Timestamp.from(s.lastEventAt()));
        for (int i = 0; i < features.size(); i++) {
          FeatureDefinition f = features.get(i);
          ps.setObject(i + 3, typed(f, s.scalars().get(f.name())), sqlType(f.type()));
        }
        ps.addBatch();
        batched++;
      }
      if (batched > 0) {
        ps.executeBatch();
      }
    }
  }

  private static Object typed(FeatureDefinition f, Object value) {
    if (value == null) {
      return null;
    }
    return switch (f.type()) {
      case NUMBER -> {
        double d = ((Number) value).doubleValue();
        yield Double.isNaN(d) ? null : d;
      }
      case BOOLEAN -> (Boolean) value;
      default -> value.toString();
    };
  }

  private static int sqlType(FeatureType type) {
    return switch (type) {
      case NUMBER -> Types.DOUBLE;
      case BOOLEAN -> Types.BOOLEAN;
      default -> Types.VARCHAR;
    };
  }

  private static String upsertFeatures() {
    List<String> names =
        PortraitFeatureColumns.features().stream().map(FeatureDefinition::name).toList();
    return "insert into portrait_features (user_id, last_event_at, "
        + String.join(", ", names)
        + ") values (?, ?"
        + ", ?".repeat(names.size())
        + ") on conflict (user_id) do update set last_event_at = excluded.last_event_at, "
        + names.stream().map(n -> n + " = excluded." + n).collect(Collectors.joining(", "));
  }

  /** The last event sequence number the stored snapshots include (0 if none). */
  public long checkpoint() {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select applied_seq from projector_checkpoint where name = ?")) {
      ps.setString(1, projector);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the projector checkpoint", e);
    }
  }

  /** Streams every snapshot, for restoring the in-memory portraits on start. */
  public void forEach(Consumer<ProfileSnapshot> action) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "select user_id, format_version, event_count, last_event_at, state, features::text,"
                  + " tags, tag_since::text from profiles")) {
        ps.setFetchSize(2_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            action.accept(snapshot(rs));
          }
        }
      }
      c.commit();
    } catch (SQLException e) {
      throw new StoreException("cannot read profile snapshots", e);
    }
  }

  public Optional<ProfileSnapshot> find(String userId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select user_id, format_version, event_count, last_event_at, state,"
                    + " features::text, tags, tag_since::text from profiles where user_id = ?")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(snapshot(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read profile " + userId, e);
    }
  }

  public long count() {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("select count(*) from profiles");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot count profiles", e);
    }
  }

  /** Drops every snapshot, tag history and the checkpoint, before a rebuild from the log. */
  public void clear() {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "truncate profiles, portrait_features, tag_history;"
                    + " delete from projector_checkpoint where name = ?")) {
      ps.setString(1, projector);
      ps.execute();
    } catch (SQLException e) {
      throw new StoreException("cannot clear profiles", e);
    }
  }

  private static ProfileSnapshot snapshot(ResultSet rs) throws SQLException {
    Timestamp last = rs.getTimestamp(4);
    String[] tags = (String[]) rs.getArray(7).getArray();
    return new ProfileSnapshot(
        rs.getString(1),
        rs.getInt(2),
        rs.getLong(3),
        last == null ? null : last.toInstant(),
        rs.getString(5),
        rs.getString(6),
        List.of(tags),
        rs.getString(8),
        Map.of());
  }
}
