package io.huaxiang.core.event;

import io.huaxiang.core.privacy.Classified;
import io.huaxiang.core.privacy.DataClass;
import java.time.Instant;

/**
 * A user viewed a page; the action places it on the operation path register, apply, confirm, repay.
 * Wire type {@code page_view}.
 */
public record PageViewed(
    @Classified(DataClass.C1) EventId id,
    @Classified(DataClass.C1) UserId userId,
    @Classified(DataClass.C1) Instant occurredAt,
    @Classified(DataClass.C1) String source,
    @Classified(value = DataClass.C2, identifier = true) String deviceId,
    @Classified(value = DataClass.C2, identifier = true) String ip,
    @Classified(DataClass.C2) String city,
    @Classified(DataClass.C1) String page,
    @Classified(DataClass.C1) OperationStep action)
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
