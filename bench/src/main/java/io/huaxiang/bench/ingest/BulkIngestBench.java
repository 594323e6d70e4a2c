package io.huaxiang.bench.ingest;

import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.ingest.ParsedRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Durable bulk ingest into PostgreSQL, end to end: demo events are validated, appended to the event
 * log in batches (each acknowledged only after commit, with fsync and synchronous commit on), then
 * folded into portraits and snapshotted. Goal: at least 50,000 events/s.
 *
 * <p>Usage: {@code BulkIngestBench <users> [batch]}; prints one result line per phase.
 */
public final class BulkIngestBench {
  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path dir = Files.createTempDirectory("huaxiang-bench-ingest");
    HuaxiangProperties settings = new HuaxiangProperties(dir, null, null, null, null, null);
    Instant end = Instant.parse("2026-11-01T00:00:00Z");
    List<UserEvent> events = new DemoPopulation(42, users, end).events().toList();
    System.out.printf(Locale.ROOT, "generated %,d events of %,d users%n", events.size(), users);
    try (HuaxiangRuntime rt =
        new HuaxiangRuntime(
            HuaxiangRuntime.openDatabase(settings),
            settings,
            io.huaxiang.server.cli.BenchSupport.json(),
            Clock.systemUTC())) {
      rt.portraits().start();
      long t0 = System.nanoTime();
      long accepted = appendAll(rt, events, batch);
      long t1 = System.nanoTime();
      rt.portraits().catchUp(n -> {});
      long t2 = System.nanoTime();
      rt.portraits().snapshot();
      long t3 = System.nanoTime();
      report("durable append + in-memory projection", accepted, t1 - t0);
      report("catch-up of anything left (read from log)", accepted, t2 - t1);
      report("snapshot of " + rt.portraits().size() + " portraits", accepted, t3 - t2);
      report("end to end", accepted, t3 - t0);
    }
  }

  /** Appends with two batches in flight, as the bulk loader does. */
  private static long appendAll(HuaxiangRuntime rt, List<UserEvent> events, int batch)
      throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    List<java.util.concurrent.Future<Integer>> pending = new ArrayList<>();
    long accepted = 0;
    Iterator<UserEvent> it = events.iterator();
    while (it.hasNext()) {
      List<ParsedRecord> records = new ArrayList<>(batch);
      for (int i = 0; i < batch && it.hasNext(); i++) {
        records.add(ParsedRecord.ok(i, null, it.next()));
      }
      pending.add(pool.submit(() -> rt.ingest().ingest(records, "bench", null, false).accepted()));
      if (pending.size() >= 2) {
        accepted += pending.remove(0).get();
      }
    }
    for (var f : pending) {
      accepted += f.get();
    }
    pool.shutdown();
    return accepted;
  }

  private static void report(String phase, long events, long nanos) {
    double seconds = nanos / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-46s %,10d events %7.2f s %,10.0f events/s%n",
        phase,
        events,
        seconds,
        events / seconds);
  }
}
