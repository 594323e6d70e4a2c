package io.huaxiang.server.decision;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long the decision API takes to answer, per minute of server time: every {@code POST
 * /api/v1/decisions} that decided (2xx) is timed from the request to the response. Kept in memory
 * for a day for the console's decision stream; the stored decisions do not carry their latency.
 */
@Component
class DecisionLatency extends OncePerRequestFilter {
  private static final String PATH = "/api/v1/decisions";
  private static final long KEEP_MINUTES = 24 * 60;

  /** One minute's answers: how many, their total and their slowest, in microseconds. */
  record Minute(long count, long totalMicros, long maxMicros) {
    Minute plus(long micros) {
      return new Minute(count + 1, totalMicros + micros, Math.max(maxMicros, micros));
    }
  }

  private final NavigableMap<Long, Minute> minutes = new ConcurrentSkipListMap<>();
  private final Clock clock;

  DecisionLatency(Clock clock) {
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      if (response.getStatus() / 100 == 2) {
        record(clock.instant(), TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
      }
    }
  }

  void record(Instant at, long micros) {
    long minute = at.getEpochSecond() / 60;
    minutes.merge(minute, new Minute(1, micros, micros), (a, b) -> a.plus(micros));
    minutes.headMap(minute - KEEP_MINUTES).clear();
  }

  /** The minutes in [from, to) that had answers, keyed by their start in epoch minutes. */
  NavigableMap<Long, Minute> between(Instant from, Instant to) {
    return minutes.subMap(from.getEpochSecond() / 60, true, (to.getEpochSecond() - 1) / 60, true);
  }
}
