package io.huaxiang.bench.audit;

import io.huaxiang.core.audit.AuditEvent;
import io.huaxiang.core.audit.VerificationResult;
import io.huaxiang.store.AuditStore;
import io.huaxiang.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;

/**
 * Durable audit appends into embedded PostgreSQL with the server's settings (fsync and synchronous
 * commit on), as every audited portrait read does one: throughput and latency per number of
 * concurrent callers, then the time to verify the whole chain.
 *
 * <p>Usage: {@code AuditAppendBench [appendsPerRun]}; prints one line per concurrency.
 */
public final class AuditAppendBench {
  public static void main(String[] args) throws Exception {
    int perRun = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    Path dir = Files.createTempDirectory("huaxiang-bench-audit");
    try (Database db = Database.embedded(dir.resolve("pg"), 40).migrate()) {
      AuditStore audit = new AuditStore(db.dataSource());
      run(audit, 1, 500); // warm-up
      for (int threads : new int[] {1, 4, 16, 32}) {
        run(audit, threads, perRun);
      }
      long t0 = System.nanoTime();
      VerificationResult result = audit.verify();
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "verify %,d entries: %.2f s (%,.0f entries/s), %s%n",
          audit.count(),
          s,
          audit.count() / s,
          result.intact() ? "intact" : result);
    }
  }

  private static void run(AuditStore audit, int threads, int total) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Histogram latency = new Histogram(60_000_000_000L, 3);
    List<Future<?>> done = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < total / threads; i++) {
                  long s = System.nanoTime();
                  audit.append(
                      new AuditEvent(
                          Instant.now(),
                          "staff:bench-" + thread,
                          "READ_PORTRAIT",
                          "CREDIT_REVIEW",
                          "user:u-" + i,
                          "GET /api/v1/users/u-" + i + "/portrait"));
                  long e = System.nanoTime() - s;
                  synchronized (latency) {
                    latency.recordValue(e);
                  }
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    System.out.printf(
        Locale.ROOT,
        "%2d callers: %,7.0f appends/s, latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        threads,
        latency.getTotalCount() / seconds,
        latency.getValueAtPercentile(50) / 1e6,
        latency.getValueAtPercentile(99) / 1e6,
        latency.getMaxValue() / 1e6);
  }
}
