package io.huaxiang.core.event;

import io.huaxiang.core.lending.Money;
import java.time.Instant;

/** A user applied for a loan. Wire type {@code loan_applied}. */
public record LoanApplied(
    EventId id,
    UserId userId,
    Instant occurredAt,
    String source,
    ApplicationId applicationId,
    Money amount,
    Integer termMonths,
    LoanPurpose purpose,
    String channel,
    String deviceId,
    String ip,
    String city)
    implements UserEvent {

  public LoanApplied {
    Fields.required(id, "id");
    Fields.required(userId, "user_id");
    Fields.required(occurredAt, "occurred_at");
    Fields.requiredText(source, "source");
    Fields.required(applicationId, "application_id");
    Fields.positive(amount, "amount");
    Fields.between(Fields.required(termMonths, "term_months"), 1, 120, "term_months");
    Fields.required(purpose, "purpose");
  }

  @Override
  public EventType type() {
    return EventType.LOAN_APPLIED;
  }
}
