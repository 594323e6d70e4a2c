package io.huaxiang.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing from one network address: after {@code limit} failed sign-ins within a
 * minute, that address must wait until the oldest failure is a minute old. Complements the
 * per-account lockout, which alone would let one address try one password on many accounts. In
 * memory: a restart forgets it, which only gives a guesser one more minute.
 */
public final class LoginThrottle {
  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int MAX_ADDRESSES = 100_000;

  private final int limit;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(int limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** How long {@code address} must still wait; zero if it may try now. */
  public Duration waitFor(String address) {
    Deque<Instant> recent = failures.get(address);
    if (recent == null) {
      return Duration.ZERO;
    }
    synchronized (recent) {
      Instant now = clock.instant();
      prune(recent, now);
      if (recent.size() < limit) {
        return Duration.ZERO;
      }
      return Duration.between(now, recent.peekFirst().plus(WINDOW));
    }
  }

  /** Counts a failed sign-in from {@code address}. */
  public void failed(String address) {
    if (failures.size() > MAX_ADDRESSES) {
      failures.clear(); // a flood of spoofed addresses must not exhaust memory
    }
    Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (recent) {
      Instant now = clock.instant();
      prune(recent, now);
      recent.addLast(now);
    }
  }

  private static void prune(Deque<Instant> recent, Instant now) {
    while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) {
      recent.removeFirst();
    }
  }
}
