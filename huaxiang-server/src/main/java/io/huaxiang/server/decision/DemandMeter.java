package io.huaxiang.server.decision;

import io.huaxiang.core.decision.Product;
import io.huaxiang.store.BudgetStatus;
import io.huaxiang.store.DecisionStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demand rate of each product: the amounts its strategy approved in the last hour (funded,
 * deferred or throttled alike: demand, not what was lent), in one-minute buckets kept by this
 * server; and what is left of the day's budget, read from the store at most once per {@code
 * refresh}. Throttling by demand compares the two on every approval, so both are cheap here.
 */
final class DemandMeter {
  private static final int MINUTES = 60;
  private final DecisionStore store;
  private final Clock clock;
  private final Duration refresh;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final Map<String, Left> left = new ConcurrentHashMap<>();

  DemandMeter(DecisionStore store, Clock clock, Duration refresh) {
    this.store = store;
    this.clock = clock;
    this.refresh = refresh;
  }

  /** One hour of demand in minute buckets (a ring indexed by epoch minute). */
  private static final class Window {
    final long[] minute = new long[MINUTES];
    final BigDecimal[] amount = new BigDecimal[MINUTES];

    synchronized void add(long m, BigDecimal a) {
      int i = (int) Math.floorMod(m, (long) MINUTES);
      if (minute[i] != m || amount[i] == null) {
        minute[i] = m;
        amount[i] = BigDecimal.ZERO;
      }
      amount[i] = amount[i].add(a);
    }

    synchronized BigDecimal lastHour(long now) {
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = 0; i < MINUTES; i++) {
        if (amount[i] != null && minute[i] > now - MINUTES && minute[i] <= now) {
          sum = sum.add(amount[i]);
        }
      }
      return sum;
    }
  }

  /** A budget's remaining amount as read at {@code readAt}. */
  private record Left(LocalDate day, BigDecimal amount, Instant readAt) {}

  /** Counts an amount a strategy approved for {@code product} at {@code at}. */
  void record(String product, BigDecimal amount, Instant at) {
    windows.computeIfAbsent(product, p -> new Window()).add(minute(at), amount);
  }

  /** The amount approved by the strategy over the last 60 minutes: the demand per hour. */
  BigDecimal perHour(String product) {
    Window w = windows.get(product);
    return w == null ? BigDecimal.ZERO : w.lastHour(minute(clock.instant()));
  }

  /** What is left of the product's budget on {@code day} (its default budget when unset). */
  BigDecimal remaining(Product product, LocalDate day) {
    Instant now = clock.instant();
    Left l = left.get(product.id());
    if (l == null || !l.day().equals(day) || !now.isBefore(l.readAt().plus(refresh))) {
      BudgetStatus b =
          store
              .budget(product.id(), day)
              .orElse(
                  new BudgetStatus(
                      product.id(),
                      day,
                      product.dailyBudgetAmount(),
                      product.dailyBudgetCount(),
                      BigDecimal.ZERO,
                      0));
      l = new Left(day, b.capAmount().subtract(b.usedAmount()).max(BigDecimal.ZERO), now);
      left.put(product.id(), l);
    }
    return l.amount();
  }

  private static long minute(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), 60L);
  }
}
