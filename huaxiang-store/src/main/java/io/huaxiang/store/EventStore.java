package io.huaxiang.store;

import io.huaxiang.core.event.ConsentChanged;
import io.huaxiang.core.event.ConsentPurpose;
import io.huaxiang.core.event.EventId;
import io.huaxiang.core.event.EventType;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.json.EventJson;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

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

  // a batch is COPYed into a per-connection staging table, then moved into the log in one
  // statement that skips ids already stored: COPY is PostgreSQL's fastest way in
  private static final String STAGING =
      """
      create temp table if not exists events_staging (
        n bigint, event_id text, user_id text, type text, occurred_at timestamptz,
        source text, payload jsonb, sealed jsonb, key_id text) on commit delete rows
      """;

  private static final String COPY =
      "copy events_staging (n, event_id, user_id, type, occurred_at, source, payload, sealed,"
          + " key_id) from stdin";

  private static final String MOVE =
      """
      insert into events (event_id, user_id, type, occurred_at, received_at, source, payload,
                          sealed, key_id)
      select event_id, user_id, type, occurred_at, ?, source, payload, sealed, key_id
        from events_staging order by n
      on conflict (event_id) do nothing
      returning event_id, seq
      """;

  private final DataSource db;
  private final EventJson json;
  private final EventSealer sealer;

  /**
   * A log that stores identifiers in clear: only for tests and tools that work without keys. The
   * server and the CLI use {@link #EventStore(DataSource, EventSealer)}.
   */
  public EventStore(DataSource db, EventJson json) {
    this.db = db;
    this.json = json;
    this.sealer = null;
  }

  /** A log that encrypts identifiers and keeps pseudonyms in their place (see EventSealer). */
  public EventStore(DataSource db, EventSealer sealer) {
    this.db = db;
    this.json = sealer.json();
    this.sealer = sealer;
  }

  /** The sealer, or null when this log keeps identifiers in clear. */
  public EventSealer sealer() {
    return sealer;
  }

  /** Appends a batch in one transaction; events whose id is already stored are ignored. */
  public AppendResult append(List<UserEvent> events, Instant receivedAt) {
    if (events.isEmpty()) {
      return new AppendResult(List.of(), List.of(), lastSeq());
    }
    int n = events.size();
    StringBuilder rows = new StringBuilder(n * 400);
    List<UserEvent> stored = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      UserEvent e = events.get(i);
      EventSealer.Sealed sealed = sealer == null ? null : sealer.seal(e);
      stored.add(sealed == null ? e : sealed.event());
      rows.append(i).append('\t');
      CopyText.append(rows, e.id().value()).append('\t');
      CopyText.append(rows, e.userId().value()).append('\t');
      rows.append(e.type().wire()).append('\t');
      rows.append(e.occurredAt()).append('\t');
      CopyText.append(rows, e.source()).append('\t');
      CopyText.append(rows, sealed == null ? json.write(e) : sealed.payload()).append('\t');
      if (sealed == null || sealed.sealed() == null) {
        rows.append("\\N\t\\N\n");
      } else {
        CopyText.append(rows, sealed.sealed()).append('\t');
        CopyText.append(rows, sealed.keyId()).append('\n');
      }
    }
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement st = c.createStatement()) {
          st.execute(STAGING);
        }
        new CopyManager(c.unwrap(BaseConnection.class))
            .copyIn(COPY, new StringReader(rows.toString()));
        lock(c);
        long previous = lastSeq(c); // exact: the lock keeps every other writer out
        Map<String, Long> inserted = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(MOVE)) {
          ps.setTimestamp(1, Timestamp.from(receivedAt));
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              inserted.put(rs.getString(1), rs.getLong(2));
            }
          }
        }
        c.commit();
        List<StoredEvent> appended = new ArrayList<>(inserted.size());
        List<EventId> duplicates = new ArrayList<>();
        for (UserEvent e : stored) {
          Long seq = inserted.remove(e.id().value());
          if (seq == null) {
            duplicates.add(e.id());
          } else {
            appended.add(new StoredEvent(seq, e, receivedAt));
          }
        }
        appended.sort(java.util.Comparator.comparingLong(StoredEvent::seq));
        return new AppendResult(appended, duplicates, previous);
      } catch (SQLException | IOException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException | IOException e) {
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

  /**
   * Up to {@code limit} events of one type with {@code afterSeq < seq <= upToSeq}, in sequence
   * order. For followers that need one type only (AML screening reads transactions): filtering in
   * PostgreSQL skips decoding the rest of the log, which after a bulk load is nearly all of it.
   */
  public List<StoredEvent> readAfter(long afterSeq, long upToSeq, EventType type, int limit) {
    List<StoredEvent> out = new ArrayList<>();
    query(
        """
        select seq, payload::text, received_at from events
         where seq > ? and seq <= ? and type = ? order by seq limit ?""",
        ps -> {
          ps.setLong(1, afterSeq);
          ps.setLong(2, upToSeq);
          ps.setString(3, type.wire());
          ps.setInt(4, limit);
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
        select seq, payload::text, received_at, sealed::text from events where user_id = ?
         order by occurred_at desc, seq desc limit ? offset ?
        """,
        ps -> {
          ps.setString(1, user.value());
          ps.setInt(2, size);
          ps.setLong(3, (long) page * size);
        },
        rs -> out.add(opened(rs)));
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

  private static long lastSeq(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select coalesce(max(seq), 0) from events");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public long count() {
    long[] n = {0};
    query("select count(*) from events", ps -> {}, rs -> n[0] = rs.getLong(1));
    return n[0];
  }

  /** One page of a key rotation: the last sequence number looked at and what was rewritten. */
  public record ResealPage(long lastSeq, int scanned, int rewritten) {}

  /**
   * Re-encrypts the identifiers of up to {@code limit} events after {@code afterSeq} under the
   * active key, and seals events written before sealing existed (clear identifiers in the payload).
   * Each page commits on its own, so a rotation can be stopped and resumed.
   */
  public ResealPage resealAfter(long afterSeq, int limit) {
    if (sealer == null) {
      throw new IllegalStateException("this event log has no keys");
    }
    String active = sealer.protection().activeKeyId();
    List<Object[]> rows = new ArrayList<>();
    long[] last = {afterSeq};
    query(
        """
        select seq, event_id, payload::text, sealed::text, key_id from events
         where seq > ? and ((key_id is not null and key_id <> ?)
                or (sealed is null and type = any(?)))
         order by seq limit ?
        """,
        ps -> {
          ps.setLong(1, afterSeq);
          ps.setString(2, active);
          ps.setArray(3, ps.getConnection().createArrayOf("text", sealer.sealedTypes()));
          ps.setInt(4, limit);
        },
        rs -> {
          last[0] = rs.getLong(1);
          String sealed = rs.getString(4);
          if (sealed != null) {
            rows.add(new Object[] {rs.getLong(1), null, sealer.reseal(rs.getString(2), sealed)});
          } else {
            EventSealer.Sealed fresh = sealer.seal(json.readStored(rs.getString(3)));
            if (fresh.sealed() != null) {
              rows.add(new Object[] {rs.getLong(1), fresh.payload(), fresh.sealed()});
            }
          }
        });
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update events set payload = coalesce(?::jsonb, payload), sealed = ?::jsonb,"
                    + " key_id = ? where seq = ?")) {
      c.setAutoCommit(false);
      for (Object[] r : rows) {
        ps.setString(1, (String) r[1]);
        ps.setString(2, (String) r[2]);
        ps.setString(3, active);
        ps.setLong(4, (Long) r[0]);
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    } catch (SQLException e) {
      throw new StoreException("cannot re-encrypt events after seq " + afterSeq, e);
    }
    return new ResealPage(last[0], rows.size(), rows.size());
  }

  /** How many events each key id protects; {@code "unsealed"} counts events never sealed. */
  public Map<String, Long> keyUsage() {
    Map<String, Long> out = new java.util.TreeMap<>();
    query(
        "select coalesce(key_id, 'none'), count(*) from events group by 1",
        ps -> {},
        rs -> out.put(rs.getString(1), rs.getLong(2)));
    if (sealer != null) {
      query(
          "select count(*) from events where sealed is null and type = any(?)"
              + " and payload::text ~ '\"(target|device_id|ip)\":\"(?!lk:)'",
          ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", sealer.sealedTypes())),
          rs -> {
            if (rs.getLong(1) > 0) {
              out.put("unsealed", rs.getLong(1));
            }
          });
    }
    return out;
  }

  /** Every event of a user in event-time order, identifiers decrypted (data-subject export). */
  public List<StoredEvent> history(UserId user) {
    List<StoredEvent> out = new ArrayList<>();
    query(
        """
        select seq, payload::text, received_at, sealed::text from events where user_id = ?
         order by occurred_at, seq
        """,
        ps -> ps.setString(1, user.value()),
        rs -> out.add(opened(rs)));
    return out;
  }

  /**
   * The latest consent change by event time for one purpose, per user, from the log itself: the
   * authority for consent checks, current even before portraits have caught up.
   *
   * @return user id to the stored {@code consent_changed} event; users without one are absent
   */
  public Map<String, ConsentChanged> latestConsents(
      java.util.Collection<String> users, ConsentPurpose purpose) {
    Map<String, ConsentChanged> out = new HashMap<>();
    if (users.isEmpty()) {
      return out;
    }
    query(
        """
        select distinct on (user_id) payload::text from events
         where user_id = any(?) and type = 'consent_changed' and payload->>'purpose' = ?
         order by user_id, occurred_at desc, seq desc
        """,
        ps -> {
          ps.setArray(1, ps.getConnection().createArrayOf("text", users.toArray()));
          ps.setString(2, purpose.toString());
        },
        rs -> {
          ConsentChanged c = (ConsentChanged) json.readStored(rs.getString(1));
          out.put(c.userId().value(), c);
        });
    return out;
  }

  /** The transactions of some users from a time on, oldest first (for AML screening). */
  public List<StoredEvent> transactionsSince(java.util.Collection<String> users, Instant since) {
    List<StoredEvent> out = new ArrayList<>();
    if (users.isEmpty()) {
      return out;
    }
    query(
        """
        select seq, payload::text, received_at from events
         where user_id = any(?) and type = 'transaction' and occurred_at >= ?
         order by user_id, occurred_at, seq
        """,
        ps -> {
          ps.setArray(1, ps.getConnection().createArrayOf("text", users.toArray()));
          ps.setTimestamp(2, Timestamp.from(since));
        },
        rs -> out.add(stored(rs)));
    return out;
  }

  /** A user's events of one type, oldest first (e.g. the consent history). */
  public List<StoredEvent> ofType(UserId user, EventType type) {
    List<StoredEvent> out = new ArrayList<>();
    query(
        """
        select seq, payload::text, received_at, sealed::text from events
         where user_id = ? and type = ? order by occurred_at, seq
        """,
        ps -> {
          ps.setString(1, user.value());
          ps.setString(2, type.wire());
        },
        rs -> out.add(opened(rs)));
    return out;
  }

  /** Users linked to a pseudonym (a relation target, e.g. {@code sealer().phonePseudonym(..)}). */
  public List<UserId> usersLinkedTo(String pseudonym) {
    List<UserId> out = new ArrayList<>();
    query(
        """
        select distinct user_id from events
         where type = 'relation' and payload->>'target' = ? order by user_id
        """,
        ps -> ps.setString(1, pseudonym),
        rs -> out.add(new UserId(rs.getString(1))));
    return out;
  }

  private StoredEvent opened(ResultSet rs) throws SQLException {
    String sealed = rs.getString(4);
    UserEvent event =
        sealer == null || sealed == null
            ? json.readStored(rs.getString(2))
            : sealer.open(rs.getString(2), sealed);
    return new StoredEvent(rs.getLong(1), event, rs.getTimestamp(3).toInstant());
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
