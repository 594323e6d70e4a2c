package io.huaxiang.bench.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Open-model load on the portrait read API: requests are started at a fixed rate whatever the
 * server's speed, and each latency is measured from the moment it was due (so a stall is not hidden
 * by the client waiting, i.e. no coordinated omission). Loopback only.
 *
 * <p>Usage: {@code PortraitReadLoad <base-url> <rate/s> <seconds> <users> [warmup-seconds]}.
 */
public final class PortraitReadLoad {
  /** {@code HXSESSION=...} of a signed-in role; reads need one since sign-in landed. */
  private static final String SESSION_COOKIE = System.getenv().getOrDefault("HX_COOKIE", "");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    if (!base.startsWith("http://localhost") && !base.startsWith("http://127.")) {
      throw new IllegalArgumentException("this load driver only targets the local machine");
    }
    int rate = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int users = Integer.parseInt(args[3]);
    int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    run(client, base, rate, warmup, users, false);
    run(client, base, rate, seconds, users, true);
    System.exit(0);
  }

  private static void run(
      HttpClient client, String base, int rate, int seconds, int users, boolean report)
      throws InterruptedException {
    Recorder latencies = new Recorder(3);
    AtomicLong errors = new AtomicLong();
    ExecutorService workers = Executors.newFixedThreadPool(64);
    SplittableRandom random = new SplittableRandom(42);
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    long total = (long) rate * seconds;
    for (long i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String user = String.format(Locale.ROOT, "demo-%07d", random.nextInt(users));
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(base + "/api/v1/users/" + user + "/portrait"))
              .timeout(Duration.ofSeconds(10))
              .GET();
      if (!SESSION_COOKIE.isEmpty()) {
        builder.header("Cookie", SESSION_COOKIE); // a signed-in session (portrait-read.sh)
      }
      HttpRequest request = builder.build();
      workers.execute(
          () -> {
            try {
              HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
              if (r.statusCode() != 200) {
                errors.incrementAndGet();
              }
            } catch (Exception e) {
              errors.incrementAndGet();
            }
            latencies.recordValue(Math.max(1, (System.nanoTime() - due) / 1_000));
          });
    }
    workers.shutdown();
    workers.awaitTermination(60, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    var h = latencies.getIntervalHistogram();
    if (report) {
      System.out.printf(
          Locale.ROOT,
          "portrait reads: %,d requests in %.1f s (%.0f/s target %d/s), errors %d%n"
              + "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
          h.getTotalCount(),
          elapsed,
          h.getTotalCount() / elapsed,
          rate,
          errors.get(),
          h.getValueAtPercentile(50) / 1000.0,
          h.getValueAtPercentile(90) / 1000.0,
          h.getValueAtPercentile(99) / 1000.0,
          h.getValueAtPercentile(99.9) / 1000.0,
          h.getMaxValue() / 1000.0);
    }
  }
}
