package io.huaxiang.store;

import io.huaxiang.core.event.EventId;
import java.util.List;

/**
 * What appending a batch did: the events newly stored, with their sequence numbers in order; the
 * ids that were already in the log (so ignored); and the sequence number of the last event stored
 * before this batch, which lets a projector apply the batch without reading it back when nothing
 * else was appended in between.
 */
public record AppendResult(List<StoredEvent> appended, List<EventId> duplicates, long previousSeq) {
  public int accepted() {
    return appended.size();
  }

  /** Sequence number of the last event of this batch, or {@link #previousSeq} if none was new. */
  public long lastSeq() {
    return appended.isEmpty() ? previousSeq : appended.get(appended.size() - 1).seq();
  }
}
