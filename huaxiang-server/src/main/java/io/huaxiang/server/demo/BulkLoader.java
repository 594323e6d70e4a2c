package io.huaxiang.server.demo;

import io.huaxiang.core.event.UserEvent;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.ingest.IngestReport;
import io.huaxiang.server.ingest.ParsedRecord;
import io.huaxiang.server.privacy.ProcessingGate;
import io.huaxiang.store.AuditStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Loads a stream of generated or converted events through the normal ingestion path in large
 * batches, then, when this process keeps the portraits, brings them up to date and snapshots them.
 *
 * <p>Two batches are in flight at a time: while PostgreSQL moves one batch into the log, the next
 * is being encoded and copied, so the JVM and the database work in parallel.
 *
 * <p>{@link #load} goes through every privacy check of ingestion, consent included. {@link
 * #backfill} is for a historical back-fill only (the demo population, the UCI Taiwan import): with
 * two batches in flight a consent in one batch may commit after the bureau report in the next, so
 * the consent checks are skipped on its channel ({@link ProcessingGate#BACKFILL}) and the run is
 * recorded in the audit log, with who ran it and what was loaded, before the first event.
 */
public final class BulkLoader {
  private static final int BATCH = 10_000;
  private static final int IN_FLIGHT = 2;

  private BulkLoader() {}

  /** The channel of {@link #load}: checked like any other. */
  static final String BULK = "bulk";

  /**
   * Back-fills historical events without the consent checks of ingestion (erasures still apply);
   * audited as {@code CONSENT_CHECK_BACKFILL} by {@code actor} before anything is loaded.
   */
  public static IngestReport backfill(
      HuaxiangRuntime runtime,
      Iterator<UserEvent> events,
      String origin,
      String actor,
      LongConsumer progress) {
    AuditStore audit = new AuditStore(runtime.database().dataSource());
    try {
      new AuditService(audit, Clock.systemUTC())
          .record(
              actor,
              "CONSENT_CHECK_BACKFILL",
              "HISTORICAL_BACKFILL",
              "ingest:" + origin,
              "historical back-fill '"
                  + origin
                  + "': consent checks at ingestion skipped for this run (channel "
                  + ProcessingGate.BACKFILL
                  + ")");
    } finally {
      audit.close();
    }
    return run(runtime, events, origin, ProcessingGate.BACKFILL, progress);
  }

  /** Ingests every event; {@code progress} receives the number of events read so far. */
  public static IngestReport load(
      HuaxiangRuntime runtime, Iterator<UserEvent> events, String origin, LongConsumer progress) {
    return run(runtime, events, origin, BULK, progress);
  }

  private static IngestReport run(
      HuaxiangRuntime runtime,
      Iterator<UserEvent> events,
      String origin,
      String channel,
      LongConsumer progress) {
    ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
    List<Future<IngestReport>> pending = new ArrayList<>();
    IngestReport total = IngestReport.empty();
    try {
      long n = 0;
      while (events.hasNext()) {
        List<ParsedRecord> batch = new ArrayList<>(BATCH);
        while (batch.size() < BATCH && events.hasNext()) {
          batch.add(ParsedRecord.ok(++n, null, events.next()));
        }
        pending.add(pool.submit(() -> runtime.ingest().ingest(batch, channel, origin, false)));
        if (pending.size() >= IN_FLIGHT) {
          total = total.plus(pending.remove(0).get());
        }
        progress.accept(n);
      }
      for (Future<IngestReport> f : pending) {
        total = total.plus(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("bulk load interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
    if (runtime.portraits().started()) {
      runtime.portraits().catchUpAndSnapshot();
    }
    return total;
  }
}
