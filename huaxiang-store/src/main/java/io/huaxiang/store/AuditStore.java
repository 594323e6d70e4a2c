package io.huaxiang.store;

import io.huaxiang.core.audit.AuditChain;
import io.huaxiang.core.audit.AuditEntry;
import io.huaxiang.core.audit.AuditEvent;
import io.huaxiang.core.audit.Checkpoint;
import io.huaxiang.core.audit.VerificationResult;
import io.huaxiang.core.audit.VerificationResult.Broken;
import io.huaxiang.core.audit.VerificationResult.Intact;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The audit log in PostgreSQL: appends hash-chained entries ({@link AuditChain}), reads them back
 * in chain order, searches them and verifies the whole chain.
 *
 * <p>Appends take a transaction-level advisory lock, read the head and insert the next entries in
 * the same transaction, so entries from any number of threads and processes form one linear chain.
 * Within a process, concurrent appends are grouped into shared transactions (see {@link #append}).
 * The table refuses updates and deletes (a trigger, see V2__audit_log.sql); {@link #verify()}
 * catches whoever gets past that.
 */
public final class AuditStore {
  /** Arbitrary constant naming the "audit log append" advisory lock ("Audit" in ASCII). */
  private static final long APPEND_LOCK = 0x4175646974L;

  /** Entries read per query when walking the chain, so verification runs in bounded memory. */
  static final int PAGE = 5_000;

  private static final String COLUMNS =
      "seq, at, actor, action, purpose, subject, details, prev_hash, hash";

  /** The most events one group commit writes, so one transaction stays short. */
  static final int MAX_GROUP = 1_000;

  private final DataSource db;
  private final int pageSize;
  private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writer = new ReentrantLock();

  public AuditStore(DataSource db) {
    this(db, PAGE);
  }

  AuditStore(DataSource db, int pageSize) {
    this.db = Objects.requireNonNull(db, "db");
    this.pageSize = pageSize;
  }

  /**
   * Chains {@code event} after the current head and stores it durably; returns the stored entry.
   *
   * <p>Concurrent callers share transactions (group commit): whoever holds the writer lock appends
   * every event waiting at that moment in one transaction, so a burst of audited reads costs one
   * lock and one commit rather than one each. Each caller still returns only after its own entry is
   * committed.
   */
  public AuditEntry append(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    Pending mine = new Pending(event);
    waiting.add(mine);
    writer.lock();
    try {
      while (!mine.done()) {
        writeWaiting();
      }
    } finally {
      writer.unlock();
    }
    return mine.result();
  }

  /** Chains {@code events} in order after the current head in one transaction; all or none. */
  public List<AuditEntry> appendAll(List<AuditEvent> events) {
    events.forEach(e -> Objects.requireNonNull(e, "events must not contain null"));
    if (events.isEmpty()) {
      return List.of();
    }
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        lock(c);
        Checkpoint head = head(c).orElse(Checkpoint.GENESIS);
        List<AuditEntry> entries = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
          AuditEntry entry = AuditChain.next(head, event);
          entries.add(entry);
          head = entry.checkpoint();
        }
        insert(c, entries);
        c.commit();
        return entries;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot append to the audit log", e);
    }
  }

  /** Appends up to {@link #MAX_GROUP} waiting events in one transaction and hands out results. */
  private void writeWaiting() {
    List<Pending> group = new ArrayList<>();
    for (Pending p = waiting.poll();
        p != null;
        p = group.size() < MAX_GROUP ? waiting.poll() : null) {
      group.add(p);
    }
    if (group.isEmpty()) {
      return;
    }
    try {
      List<AuditEntry> entries = appendAll(group.stream().map(Pending::event).toList());
      for (int i = 0; i < group.size(); i++) {
        group.get(i).entry = entries.get(i);
      }
    } catch (RuntimeException e) {
      group.forEach(p -> p.failure = e);
    }
  }

  /** An event waiting for the group commit, and what became of it. */
  private static final class Pending {
    private final AuditEvent event;
    private AuditEntry entry; // written and read under the writer lock
    private RuntimeException failure;

    Pending(AuditEvent event) {
      this.event = event;
    }

    AuditEvent event() {
      return event;
    }

    boolean done() {
      return entry != null || failure != null;
    }

    AuditEntry result() {
      if (failure != null) {
        // one failure is shared by the whole group: give each caller its own exception
        throw new StoreException(
            "the audit entry was not stored: " + failure.getMessage(), failure);
      }
      return entry;
    }
  }

  /** The newest entry's position and hash, or empty for an empty log. */
  public Optional<Checkpoint> head() {
    try (Connection c = db.getConnection()) {
      return head(c);
    } catch (SQLException e) {
      throw new StoreException("cannot read the audit log head", e);
    }
  }

  /** How many entries the log holds. */
  public long count() {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("select count(*) from audit_log");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot count the audit log", e);
    }
  }

  /** Up to {@code limit} entries with seq above {@code afterSeq}, in seq order. */
  public List<AuditEntry> page(long afterSeq, int limit) {
    return query(
        "select " + COLUMNS + " from audit_log where seq > ? order by seq limit ?",
        List.of(afterSeq, limit));
  }

  /** Passes every entry to {@code action} in seq order, a page at a time. */
  public void forEach(Consumer<AuditEntry> action) {
    long after = Long.MIN_VALUE;
    List<AuditEntry> page;
    do {
      page = page(after, pageSize);
      page.forEach(action);
      after = page.isEmpty() ? after : page.get(page.size() - 1).seq();
    } while (page.size() == pageSize);
  }

  /** Entries matching {@code query}, newest first. */
  public List<AuditEntry> search(AuditQuery query) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_log where true");
    List<Object> args = new ArrayList<>();
    criterion(sql, args, " and actor = ?", query.actor());
    criterion(sql, args, " and action = ?", query.action());
    criterion(sql, args, " and subject = ?", query.subject());
    criterion(sql, args, " and at >= ?", timestamp(query.from()));
    criterion(sql, args, " and at < ?", timestamp(query.to()));
    criterion(sql, args, " and seq < ?", query.beforeSeq());
    sql.append(" order by seq desc limit ?");
    args.add(query.limit());
    return query(sql.toString(), args);
  }

  /** Verifies the whole chain from its first entry; see {@link AuditChain#verify(Iterable)}. */
  public VerificationResult verify() {
    return verify(null);
  }

  /**
   * Verifies the whole chain and, if {@code published} is given, that it still holds the entry at
   * that published checkpoint, which catches removal of the newest entries and wholesale rewrites.
   */
  public VerificationResult verify(Checkpoint published) {
    Checkpoint start = Checkpoint.GENESIS;
    long offset = 0;
    // the first page starts below seq 1, so a forged entry with seq 0 or less is seen, not skipped
    long after = Long.MIN_VALUE;
    while (true) {
      List<AuditEntry> page = page(after, pageSize);
      boolean last = page.size() < pageSize;
      Checkpoint check =
          published != null
                  && published.seq() > start.seq()
                  && (last || published.seq() <= page.get(page.size() - 1).seq())
              ? published
              : null;
      VerificationResult result = AuditChain.verify(page, start, check);
      if (result instanceof Broken b) {
        return new Broken(offset + b.position(), b.seq(), b.problem(), b.explanation());
      }
      Intact intact = (Intact) result;
      offset += intact.entries();
      start = intact.head();
      after = start.seq();
      if (last) {
        return new Intact(offset, start);
      }
    }
  }

  private static Optional<Checkpoint> head(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select seq, hash from audit_log order by seq desc limit 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next()
          ? Optional.of(new Checkpoint(rs.getLong(1), rs.getString(2)))
          : Optional.empty();
    }
  }

  private static void lock(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
      ps.setLong(1, APPEND_LOCK);
      ps.execute();
    }
  }

  private static void insert(Connection c, List<AuditEntry> entries) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into audit_log (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditEntry e : entries) {
        bind(ps, e);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void bind(PreparedStatement ps, AuditEntry e) throws SQLException {
    ps.setLong(1, e.seq());
    ps.setObject(2, timestamp(e.at()));
    ps.setString(3, e.actor());
    ps.setString(4, e.action());
    ps.setString(5, e.purpose());
    ps.setString(6, e.subject());
    ps.setString(7, e.details());
    ps.setString(8, e.prevHash());
    ps.setString(9, e.hash());
  }

  private List<AuditEntry> query(String sql, List<Object> args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      List<AuditEntry> entries = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(entry(rs));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new StoreException("cannot read the audit log", e);
    }
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getLong("seq"),
        rs.getObject("at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("purpose"),
        rs.getString("subject"),
        rs.getString("details"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }

  private static void criterion(StringBuilder sql, List<Object> args, String clause, Object value) {
    if (value != null) {
      sql.append(clause);
      args.add(value);
    }
  }

  private static OffsetDateTime timestamp(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }
}
