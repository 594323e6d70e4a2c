package io.huaxiang.core.event;

import io.huaxiang.core.lending.Money;
import io.huaxiang.core.privacy.Classified;
import io.huaxiang.core.privacy.DataClass;
import java.time.Instant;

/** A user applied for a loan. Wire type {@code loan_applied}. */
public record LoanApplied(
    @Classified(DataClass.C1) EventId id,
    @Classified(DataClass.C1) UserId userId,
    @Classified(DataClass.C1) Instant occurredAt,
    @Classified(DataClass.C1) String source,
    @Classified(DataClass.C1) ApplicationId applicationId,
    @Classified(DataClass.C2) Money amount,
    @Classified(DataClass.C2) Integer termMonths,
    @Classified(DataClass.C2) LoanPurpose purpose,
    @Classified(DataClass.C1) String channel,
    @Classified(value = DataClass.C2, identifier = true) String deviceId,
    @Classified(value = DataClass.C2, identifier = true) String ip,
    @Classified(DataClass.C2) String city)
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
