package io.huaxiang.core.event;

import java.time.Instant;

/**
 * A user viewed a page; the action places it on the operation path register, apply, confirm, repay.
 * Wire type {@code page_view}.
 */
public record PageViewed(
    EventId id,
    UserId userId,
    Instant occurredAt,
    String source,
    String deviceId,
    String ip,
    String city,
    String page,
    OperationStep action)
    implements UserEvent {

  public PageViewed {
    Fields.required(id, "id");
    Fields.required(userId, "user_id");
    Fields.required(occurredAt, "occurred_at");
    Fields.requiredText(source, "source");
    action = action == null ? OperationStep.BROWSE : action;
  }

  @Override
  public EventType type() {
    return EventType.PAGE_VIEW;
  }
}
