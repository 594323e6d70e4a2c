package io.huaxiang.store;

import io.huaxiang.core.event.UserEvent;
import java.time.Instant;

/** An event as kept in the log: its ingestion sequence number and when it was received. */
public record StoredEvent(long seq, UserEvent event, Instant receivedAt) {}
