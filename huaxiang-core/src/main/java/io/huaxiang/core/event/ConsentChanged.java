package io.huaxiang.core.event;

import java.time.Instant;

/**
 * The user granted or withdrew consent for one purpose under one notice version. Wire type {@code
 * consent_changed}.
 */
public record ConsentChanged(
    EventId id,
    UserId userId,
    Instant occurredAt,
    String source,
    ConsentPurpose purpose,
    Boolean granted,
    String noticeVersion)
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
