package io.huaxiang.store;

import io.huaxiang.core.event.EventId;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.json.EventJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The event log in PostgreSQL: append-only, one row per event id, in ingestion order.
 *
 * <p>Appends take a transaction-level advisory lock so that sequence numbers become visible in
 * commit order; a reader following the log by {@code seq} therefore never skips an event that
 * commits late. An append returns only after commit: an acknowledged event survives a crash.
 */
public final class EventStore {
  /** Arbitrary constant naming the "event log append" advisory lock. */
  private static final long APPEND_LOCK = 0x48756178L;

  private static final String INSERT =
      """
      insert into events (event_id, user_id, type, occurred_at, received_at, source, payload)
      select e.id, e.usr, e.typ, e.at, ?, e.src, e.payload::jsonb
        from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])
             with ordinality as e(id, usr, typ, at, src, payload, n)
       order by e.n
      on conflict (event_id) do nothing
      returning event_id, seq
      """;

  private final DataSource db;
  private final EventJson json;

  public EventStore(DataSource db, EventJson json) {
    this.db = db;
    this.json = json;
  }

  /** Appends a batch in one transaction; events whose id is already stored are ignored. */
  public AppendResult append(List<UserEvent> events, Instant receivedAt) {
    if (events.isEmpty()) {
      return new AppendResult(0, List.of(), lastSeq());
    }
    int n = events.size();
    String[] ids = new String[n];
    String[] users = new String[n];
    String[] types = new String[n];
    String[] times = new String[n];
    String[] sources = new String[n];
    String[] payloads = new String[n];
    for (int i = 0; i < n; i++) {
      UserEvent e = events.get(i);
      ids[i] = e.id().value();
      users[i] = e.userId().value();
      types[i] = e.type().wire();
      times[i] = e.occurredAt().toString();
      sources[i] = e.source();
      payloads[i] = json.write(e);
    }
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        lock(c);
        Set<String> inserted = new HashSet<>();
        long last = 0;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
          ps.setTimestamp(1, Timestamp.from(receivedAt));
          ps.setArray(2, c.createArrayOf("text", ids));
          ps.setArray(3, c.createArrayOf("text", users));
          ps.setArray(4, c.createArrayOf("text", types));
          ps.setArray(5, c.createArrayOf("text", times));
          ps.setArray(6, c.createArrayOf("text", sources));
          ps.setArray(7, c.createArrayOf("text", payloads));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              inserted.add(rs.getString(1));
              last = Math.max(last, rs.getLong(2));
            }
          }
        }
        c.commit();
        List<EventId> duplicates = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        for (UserEvent e : events) {
          if (!inserted.contains(e.id().value()) || !counted.add(e.id().value())) {
            duplicates.add(e.id());
          }
        }
        return new AppendResult(inserted.size(), duplicates, last);
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot append " + n + " events", e);
    }
  }

  /** Events with a sequence number above {@code afterSeq}, in order, at most {@code limit}. */
  public List<StoredEvent> readAfter(long afterSeq, int limit) {
    List<StoredEvent> out = new ArrayList<>();
    query(
        "select seq, payload::text, received_at from events where seq > ? order by seq limit ?",
        ps -> {
          ps.setLong(1, afterSeq);
          ps.setInt(2, limit);
        },
        rs -> out.add(stored(rs)));
    return out;
  }

  /** Streams the whole log in sequence order (for rebuilds) without holding it in memory. */
  public void forEach(Consumer<StoredEvent> action) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false); // a cursor needs a transaction
      try (PreparedStatement ps =
          c.prepareStatement("select seq, payload::text, received_at from events order by seq")) {
        ps.setFetchSize(5_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            action.accept(stored(rs));
          }
        }
      }
      c.commit();
    } catch (SQLException e) {
      throw new StoreException("cannot read the event log", e);
    }
  }

  /** One page of a user's timeline, newest first. */
  public List<StoredEvent> timeline(UserId user, int page, int size) {
    List<StoredEvent> out = new ArrayList<>();
    query(
        """
        select seq, payload::text, received_at from events where user_id = ?
         order by occurred_at desc, seq desc limit ? offset ?
        """,
        ps -> {
          ps.setString(1, user.value());
          ps.setInt(2, size);
          ps.setLong(3, (long) page * size);
        },
        rs -> out.add(stored(rs)));
    return out;
  }

  public long countForUser(UserId user) {
    long[] n = {0};
    query(
        "select count(*) from events where user_id = ?",
        ps -> ps.setString(1, user.value()),
        rs -> n[0] = rs.getLong(1));
    return n[0];
  }

  public long lastSeq() {
    long[] n = {0};
    query("select coalesce(max(seq), 0) from events", ps -> {}, rs -> n[0] = rs.getLong(1));
    return n[0];
  }

  public long count() {
    long[] n = {0};
    query("select count(*) from events", ps -> {}, rs -> n[0] = rs.getLong(1));
    return n[0];
  }

  private StoredEvent stored(ResultSet rs) throws SQLException {
    return new StoredEvent(
        rs.getLong(1), json.readStored(rs.getString(2)), rs.getTimestamp(3).toInstant());
  }

  private static void lock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
      ps.setLong(1, APPEND_LOCK);
      ps.execute();
    }
  }

  private void query(String sql, Binder binder, RowHandler handler) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.handle(rs);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("query failed: " + sql.strip().lines().findFirst().orElse(sql), e);
    }
  }

  /** Sets the parameters of a statement. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Handles one row of a result. */
  @FunctionalInterface
  interface RowHandler {
    void handle(ResultSet rs) throws SQLException;
  }
}
