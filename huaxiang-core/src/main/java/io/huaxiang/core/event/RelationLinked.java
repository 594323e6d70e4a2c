package io.huaxiang.core.event;

import java.time.Instant;

/**
 * The user was seen linked to a device, phone, bank card, contact or referrer. Wire type {@code
 * relation}.
 */
public record RelationLinked(
    EventId id, UserId userId, Instant occurredAt, String source, RelationKind kind, String target)
    implements UserEvent {

  public RelationLinked {
    Fields.required(id, "id");
    Fields.required(userId, "user_id");
    Fields.required(occurredAt, "occurred_at");
    Fields.requiredText(source, "source");
    Fields.required(kind, "kind");
    Fields.requiredText(target, "target");
  }

  @Override
  public EventType type() {
    return EventType.RELATION;
  }
}
