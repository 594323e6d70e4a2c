package io.huaxiang.bench.ingest;

import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.core.privacy.KeyRing;
import io.huaxiang.store.EventSealer;
import io.huaxiang.store.FieldProtection;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU cost of sealing events before they are stored (pseudonyms, AES-GCM of identifiers) against
 * writing them as plain JSON, on the demo population, single-threaded.
 *
 * <p>Usage: {@code SealCostBench [users]}; prints nanoseconds per event for both.
 */
public final class SealCostBench {
  public static void main(String[] args) {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    List<UserEvent> events =
        new DemoPopulation(42, users, Instant.parse("2026-11-01T00:00:00Z")).events().toList();
    SecureRandom random = new SecureRandom();
    byte[] field = new byte[32];
    byte[] lookup = new byte[32];
    random.nextBytes(field);
    random.nextBytes(lookup);
    EventJson json = new EventJson();
    EventSealer sealer =
        new EventSealer(json, FieldProtection.of(KeyRing.of("k1", Map.of("k1", field)), lookup));
    long sealed = events.stream().filter(e -> sealer.seal(e).sealed() != null).count();
    System.out.printf(
        Locale.ROOT, "%,d events, %,d with identifiers to seal%n", events.size(), sealed);
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      long bytes = 0;
      for (UserEvent e : events) {
        bytes += json.write(e).length();
      }
      long t1 = System.nanoTime();
      for (UserEvent e : events) {
        EventSealer.Sealed s = sealer.seal(e);
        bytes += s.payload().length() + (s.sealed() == null ? 0 : s.sealed().length());
      }
      long t2 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "round %d: plain JSON %.0f ns/event, sealed %.0f ns/event (+%.0f ns) [%d]%n",
          round,
          (t1 - t0) / (double) events.size(),
          (t2 - t1) / (double) events.size(),
          ((t2 - t1) - (t1 - t0)) / (double) events.size(),
          bytes % 10);
    }
  }
}
