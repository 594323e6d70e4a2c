package io.huaxiang.core.event;

import io.huaxiang.core.privacy.Classified;
import io.huaxiang.core.privacy.DataClass;
import java.time.Instant;

/**
 * A user opened the app or site; carries the device, IP and coarse location seen. Wire type {@code
 * session}.
 */
public record SessionStarted(
    @Classified(DataClass.C1) EventId id,
    @Classified(DataClass.C1) UserId userId,
    @Classified(DataClass.C1) Instant occurredAt,
    @Classified(DataClass.C1) String source,
    @Classified(value = DataClass.C2, identifier = true) String deviceId,
    @Classified(value = DataClass.C2, identifier = true) String ip,
    @Classified(DataClass.C2) String city)
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
