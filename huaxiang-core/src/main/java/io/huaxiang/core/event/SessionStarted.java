package io.huaxiang.core.event;

import java.time.Instant;

/**
 * A user opened the app or site; carries the device, IP and coarse location seen. Wire type {@code
 * session}.
 */
public record SessionStarted(
    EventId id,
    UserId userId,
    Instant occurredAt,
    String source,
    String deviceId,
    String ip,
    String city)
    implements UserEvent {

  public SessionStarted {
    Fields.required(id, "id");
    Fields.required(userId, "user_id");
    Fields.required(occurredAt, "occurred_at");
    Fields.requiredText(source, "source");
  }

  @Override
  public EventType type() {
    return EventType.SESSION;
  }
}
