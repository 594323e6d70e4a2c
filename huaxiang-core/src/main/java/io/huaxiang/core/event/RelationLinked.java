package io.huaxiang.core.event;

import io.huaxiang.core.privacy.Classified;
import io.huaxiang.core.privacy.DataClass;
import java.time.Instant;

/**
 * The user was seen linked to a device, phone, bank card, contact or referrer. Wire type {@code
 * relation}.
 */
public record RelationLinked(
    @Classified(DataClass.C1) EventId id,
    @Classified(DataClass.C1) UserId userId,
    @Classified(DataClass.C1) Instant occurredAt,
    @Classified(DataClass.C1) String source,
    @Classified(DataClass.C1) RelationKind kind,
    @Classified(value = DataClass.C2, identifier = true) String target)
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
