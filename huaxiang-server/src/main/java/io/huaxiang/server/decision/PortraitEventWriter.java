package io.huaxiang.server.decision;

import io.huaxiang.server.ingest.IngestService;
import io.huaxiang.server.ingest.ParsedRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the {@code loan_applied} and {@code loan_decided} events of decisions into the event log
 * with group commit: each caller waits until its events are appended (as before), but callers that
 * arrive while an append is committing are appended together in the next one. Appends to the log
 * are serialised (a lock keeps sequence numbers gap-free) and each commits with an fsync, so one
 * append per decision capped throughput at one decision per fsync; one append per group does not.
 */
final class PortraitEventWriter {
  private final IngestService ingest;
  private final Object lock = new Object();
  private List<Pending> queue = new ArrayList<>();
  private boolean writing;

  PortraitEventWriter(IngestService ingest) {
    this.ingest = ingest;
  }

  /** One caller's events and, once written, the outcome. */
  private static final class Pending {
    final List<ParsedRecord> records;
    boolean done;
    RuntimeException error;

    Pending(List<ParsedRecord> records) {
      this.records = records;
    }
  }

  /**
   * Appends {@code records} (with others waiting at the same time) and returns once they are stored
   * and applied to the portraits.
   *
   * @throws RuntimeException what the append threw, for every caller of its group
   */
  void write(List<ParsedRecord> records) {
    Pending me = new Pending(records);
    List<Pending> group;
    synchronized (lock) {
      queue.add(me);
      while (writing && !me.done) {
        awaitTurn();
      }
      if (me.done) {
        outcome(me);
        return;
      }
      writing = true;
      group = queue;
      queue = new ArrayList<>();
    }
    RuntimeException error = null;
    try {
      ingest.ingest(renumbered(group), "decisioning", "decisions:" + group.size(), true);
    } catch (RuntimeException e) {
      error = e;
    } finally {
      synchronized (lock) {
        for (Pending p : group) {
          p.error = error;
          p.done = true;
        }
        writing = false;
        lock.notifyAll();
      }
    }
    outcome(me);
  }

  private static void outcome(Pending p) {
    if (p.error != null) {
      throw p.error;
    }
  }

  private void awaitTurn() {
    try {
      lock.wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing decision events", e);
    }
  }

  /** One batch numbered 1..n, as a batch from a file would be. */
  private static List<ParsedRecord> renumbered(List<Pending> group) {
    List<ParsedRecord> out = new ArrayList<>();
    for (Pending p : group) {
      for (ParsedRecord r : p.records) {
        out.add(ParsedRecord.ok(out.size() + 1, null, r.event()));
      }
    }
    return out;
  }
}
