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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
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

  /** The most entries that may wait for the writer before appends are refused. */
  static final int MAX_WAITING = 100_000;

  private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
  private final AtomicInteger unstored = new AtomicInteger();
  private volatile Thread writer; // started by startWriter()

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
   * <p>Concurrent callers share transactions (group commit): one writer thread appends every event
   * waiting at that moment in one transaction, so a burst of appends costs one lock and one commit
   * rather than one each. The caller returns only after its own entry is committed.
   *
   * @throws StoreException if the entry could not be stored (the caller should then fail too)
   */
  public AuditEntry append(AuditEvent event) {
    CompletableFuture<AuditEntry> result = appendLater(event);
    try {
      // bounded: a stuck writer must fail the audited action, not hang it
      return result.get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new StoreException("the audit log did not store an entry within 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for the audit log to store an entry", e);
    } catch (ExecutionException e) {
      throw new StoreException("the audit entry was not stored: " + e.getCause().getMessage(), e);
    }
  }

  /**
   * Queues {@code event} for the next group commit and returns at once; the future completes when
   * the entry is committed (usually within milliseconds) or fails if it could not be stored.
   *
   * <p>For audits on a latency-critical path such as every portrait read: the caller does not wait
   * for the commit, at the price that entries still queued when the process is killed are lost.
   * {@link #close()} stores what is queued on an orderly shutdown.
   *
   * @throws StoreException at once if {@value #MAX_WAITING} entries are already waiting (the
   *     database is down or too slow): the caller should refuse the audited action rather than let
   *     it go unrecorded
   */
  public CompletableFuture<AuditEntry> appendLater(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    Pending mine = new Pending(event);
    Thread w = writer;
    if (w == null || !w.isAlive()) {
      startWriter();
    }
    unstored.incrementAndGet();
    if (!waiting.offer(mine)) {
      unstored.decrementAndGet();
      throw new StoreException(
          "the audit log is falling behind: "
              + MAX_WAITING
              + " entries are waiting to be stored; refusing to act unrecorded",
          null);
    }
    return mine.result;
  }

  /** How many entries are queued and not yet committed. */
  public int backlog() {
    return unstored.get();
  }

  /**
   * Waits up to {@code timeout} until every entry queued so far is stored (or has failed).
   *
   * @return true if nothing is left unstored
   */
  public boolean awaitStored(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (backlog() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return backlog() == 0;
  }

  /**
   * Stores what is queued (waiting up to {@code timeout}), then stops the writer thread; appends
   * after this start a new one.
   *
   * @return true if nothing was left unstored
   */
  public boolean close(Duration timeout) {
    boolean stored = awaitStored(timeout);
    Thread w;
    synchronized (this) {
      // forget the writer first, so an append from now on starts a new one
      w = writer;
      writer = null;
    }
    if (w != null) {
      w.interrupt();
    }
    return stored;
  }

  /** {@link #close(Duration)} with five seconds to store what is queued. */
  public void close() {
    close(Duration.ofSeconds(5));
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

  private synchronized void startWriter() {
    if (writer == null || !writer.isAlive()) {
      writer = new Thread(this::writeLoop, "huaxiang-audit-writer");
      // idle it only waits for work; it must not keep a finished CLI command's JVM alive
      writer.setDaemon(true);
      writer.start();
    }
  }

  /**
   * Appends whatever is waiting, up to {@link #MAX_GROUP} events per transaction, until stopped.
   */
  private void writeLoop() {
    while (true) {
      List<Pending> group = new ArrayList<>();
      try {
        group.add(waiting.take());
      } catch (InterruptedException e) {
        handOver();
        return;
      }
      waiting.drainTo(group, MAX_GROUP - 1);
      try {
        List<AuditEntry> entries = appendAll(group.stream().map(p -> p.event).toList());
        for (int i = 0; i < group.size(); i++) {
          group.get(i).result.complete(entries.get(i));
        }
      } catch (RuntimeException | Error e) {
        group.forEach(p -> p.result.completeExceptionally(e));
        if (e instanceof Error error) {
          throw error; // the next append starts a new writer
        }
      } finally {
        unstored.addAndGet(-group.size());
      }
    }
  }

  /**
   * Called by a writer that was told to stop: an entry queued between {@code close()} and the
   * interrupt must not wait forever for a writer nobody starts.
   */
  private synchronized void handOver() {
    if (writer == null && !waiting.isEmpty()) {
      startWriter();
    }
  }

  /** An event waiting for the group commit, and what became of it. */
  private static final class Pending {
    final AuditEvent event;
    final CompletableFuture<AuditEntry> result = new CompletableFuture<>();

    Pending(AuditEvent event) {
      this.event = event;
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
