package io.huaxiang.core.event;

import io.huaxiang.core.privacy.Classified;
import io.huaxiang.core.privacy.DataClass;
import java.time.Instant;

/**
 * The user granted or withdrew consent for one purpose under one notice version. Wire type {@code
 * consent_changed}.
 */
public record ConsentChanged(
    @Classified(DataClass.C1) EventId id,
    @Classified(DataClass.C1) UserId userId,
    @Classified(DataClass.C1) Instant occurredAt,
    @Classified(DataClass.C1) String source,
    @Classified(DataClass.C1) ConsentPurpose purpose,
    @Classified(DataClass.C1) Boolean granted,
    @Classified(DataClass.C1) String noticeVersion)
    implements UserEvent {

  public ConsentChanged {
    Fields.required(id, "id");
    Fields.required(userId, "user_id");
    Fields.required(occurredAt, "occurred_at");
    Fields.requiredText(source, "source");
    Fields.required(purpose, "purpose");
    Fields.required(granted, "granted");
    Fields.requiredText(noticeVersion, "notice_version");
  }

  @Override
  public EventType type() {
    return EventType.CONSENT_CHANGED;
  }
}
