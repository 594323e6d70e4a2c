package io.huaxiang.server.demo;

import io.huaxiang.core.event.UserEvent;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.ingest.IngestReport;
import io.huaxiang.server.ingest.ParsedRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Loads a stream of generated or converted events through the normal ingestion path in large
 * batches, then brings portraits up to date once and snapshots them.
 */
public final class BulkLoader {
  private static final int BATCH = 10_000;

  private BulkLoader() {}

  /** Ingests every event; {@code progress} receives the number of events read so far. */
  public static IngestReport load(
      HuaxiangRuntime runtime, Iterator<UserEvent> events, String origin, LongConsumer progress) {
    IngestReport total = IngestReport.empty();
    List<ParsedRecord> batch = new ArrayList<>(BATCH);
    long n = 0;
    while (events.hasNext()) {
      batch.add(ParsedRecord.ok(++n, null, events.next()));
      if (batch.size() == BATCH) {
        total = total.plus(runtime.ingest().ingest(batch, "bulk", origin, false));
        batch.clear();
        progress.accept(n);
      }
    }
    total = total.plus(runtime.ingest().ingest(batch, "bulk", origin, false));
    progress.accept(n);
    runtime.portraits().catchUp(x -> {});
    runtime.portraits().snapshot();
    return total;
  }
}
