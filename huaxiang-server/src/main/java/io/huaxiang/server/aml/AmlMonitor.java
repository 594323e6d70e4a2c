package io.huaxiang.server.aml;

import io.huaxiang.core.aml.AmlFinding;
import io.huaxiang.core.aml.AmlFlag;
import io.huaxiang.core.aml.AmlScreen;
import io.huaxiang.core.aml.AmlThresholds;
import io.huaxiang.core.aml.AmlTransaction;
import io.huaxiang.core.aml.CustomerType;
import io.huaxiang.core.aml.Direction;
import io.huaxiang.core.aml.StructuringRule;
import io.huaxiang.core.aml.SuspiciousActivityCase;
import io.huaxiang.core.aml.TransactionKind;
import io.huaxiang.core.event.EventType;
import io.huaxiang.core.event.TransactionMade;
import io.huaxiang.store.AmlCaseStore;
import io.huaxiang.store.EventStore;
import io.huaxiang.store.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens the transactions in the event log with the AML rules of {@code core.aml} (large cash of
 * 50,000 CNY or more per customer and natural day, single or cumulative; structuring just under a
 * threshold) and stores what they find.
 *
 * <p>It follows the log by sequence number like the portrait projector, with its own checkpoint, so
 * imports from the CLI are screened too. For every customer with new transactions it rescans that
 * customer's transactions from the start of the earliest affected day minus the longest structuring
 * window: late and out-of-order transactions are handled, no state is kept in memory, and storing a
 * finding again only merges it.
 */
public final class AmlMonitor {
  private static final Logger log = LoggerFactory.getLogger(AmlMonitor.class);
  private static final int PAGE = 5_000;

  private final EventStore events;
  private final AmlCaseStore cases;
  private final AmlThresholds thresholds;
  private final Duration lookBack;
  private final Clock clock;

  public AmlMonitor(EventStore events, AmlCaseStore cases, AmlThresholds thresholds, Clock clock) {
    this.events = events;
    this.cases = cases;
    this.thresholds = thresholds;
    this.clock = clock;
    Duration longest = Duration.ZERO;
    for (StructuringRule r : thresholds.structuring()) {
      longest = r.window().compareTo(longest) > 0 ? r.window() : longest;
    }
    this.lookBack = longest.plusDays(1);
  }

  /** Screens everything appended since the last run; returns how many findings were stored. */
  public synchronized int catchUp() {
    int stored = 0;
    long after = cases.screenedSeq();
    // appends hold a lock and take sequence numbers in commit order, so nothing can still appear
    // at or below the current last seq: the checkpoint may jump there once no transaction is left
    long upTo = events.lastSeq();
    while (after < upTo) {
      List<StoredEvent> page = events.readAfter(after, upTo, EventType.TRANSACTION, PAGE);
      Map<String, Instant> earliest = new LinkedHashMap<>();
      for (StoredEvent s : page) {
        if (s.event() instanceof TransactionMade t) {
          earliest.merge(t.userId().value(), t.occurredAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
      }
      stored += screen(earliest);
      after = page.size() < PAGE ? upTo : page.get(page.size() - 1).seq();
      cases.screened(after, clock.instant());
    }
    return stored;
  }

  private int screen(Map<String, Instant> earliest) {
    if (earliest.isEmpty()) {
      return 0;
    }
    Instant since = earliest.values().stream().min(Instant::compareTo).orElseThrow();
    Instant from =
        since
            .atZone(thresholds.zone())
            .toLocalDate()
            .atStartOfDay(thresholds.zone())
            .toInstant()
            .minus(lookBack);
    List<AmlTransaction> txs = new ArrayList<>();
    for (StoredEvent s : events.transactionsSince(earliest.keySet(), from)) {
      if (s.event() instanceof TransactionMade t) {
        txs.add(transaction(t));
      }
    }
    List<AmlCaseStore.AmlCase> found = new ArrayList<>();
    for (AmlFinding f : AmlScreen.scan(txs, thresholds)) {
      found.add(row(f));
    }
    cases.upsert(found, clock.instant());
    if (!found.isEmpty()) {
      log.info("AML screening stored {} findings for {} customers", found.size(), earliest.size());
    }
    return found.size();
  }

  /** A consumption transaction as AML sees it: cash or a domestic transfer, money going out. */
  static AmlTransaction transaction(TransactionMade t) {
    return new AmlTransaction(
        t.id().value(),
        t.userId().value(),
        CustomerType.INDIVIDUAL,
        t.occurredAt(),
        t.amount(),
        Boolean.TRUE.equals(t.cash()) ? TransactionKind.CASH : TransactionKind.DOMESTIC_TRANSFER,
        Direction.OUT);
  }

  private AmlCaseStore.AmlCase row(AmlFinding finding) {
    if (finding instanceof AmlFlag f) {
      Instant start = f.day().atStartOfDay(thresholds.zone()).toInstant();
      return new AmlCaseStore.AmlCase(
          0,
          "large_value",
          f.rule().name(),
          f.customerId(),
          f.direction().name(),
          start,
          start.plus(Duration.ofDays(1)),
          f.dayTotal().amount(),
          f.threshold().amount(),
          f.transactionIds(),
          "open",
          null,
          null);
    }
    SuspiciousActivityCase s = (SuspiciousActivityCase) finding;
    return new AmlCaseStore.AmlCase(
        0,
        "suspicious",
        s.rule().name() + ":" + s.avoidedRule().name(),
        s.customerId(),
        s.direction().name(),
        s.windowStart(),
        s.windowEnd(),
        s.total().amount(),
        s.threshold().amount(),
        s.transactionIds(),
        "open",
        null,
        null);
  }
}
