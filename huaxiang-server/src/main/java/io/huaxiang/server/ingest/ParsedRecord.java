package io.huaxiang.server.ingest;

import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.UserEvent;

/**
 * One incoming record after parsing: either an event or the reason it is not one. The position is
 * the line number in a file, or the index in a request's batch.
 */
public record ParsedRecord(
    long position, String raw, UserEvent event, InvalidEventException error) {
  public static ParsedRecord ok(long position, String raw, UserEvent event) {
    return new ParsedRecord(position, raw, event, null);
  }

  public static ParsedRecord failed(long position, String raw, InvalidEventException error) {
    return new ParsedRecord(position, raw, null, error);
  }
}
