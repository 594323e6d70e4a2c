package io.huaxiang.server.ingest;

import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.UserEvent;
import java.util.List;
import java.util.Map;

/**
 * Decides which valid events of a batch must still not be stored, because processing them would
 * break a rule about the person rather than about the data: no consent for the purpose, or the
 * person's data was erased. Refused events are reported to the sender but never kept, not even as
 * dead letters.
 */
@FunctionalInterface
public interface IngestGate {
  /** Lets every event through. */
  IngestGate OPEN = (batch, channel) -> Map.of();

  /**
   * The refused events of {@code batch}, by position in it, with the reason.
   *
   * @param batch the valid events, in the order received
   * @param channel where they come from ({@code api}, {@code file}, {@code bulk} ...)
   */
  Map<Integer, InvalidEventException> refuse(List<UserEvent> batch, String channel);
}
