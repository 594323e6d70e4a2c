package io.huaxiang.store;

import io.huaxiang.core.event.EventId;
import java.util.List;

/**
 * What appending a batch did: how many events were new, which ids were already in the log (so
 * ignored), and the sequence number of the last event now durably stored.
 */
public record AppendResult(int accepted, List<EventId> duplicates, long lastSeq) {}
