package io.huaxiang.core.event;

import io.huaxiang.core.lending.Money;
import io.huaxiang.core.privacy.Classified;
import io.huaxiang.core.privacy.DataClass;
import java.time.Instant;
import java.util.List;

/**
 * A loan application was decided; approved amount is present only when approved. Wire type {@code
 * loan_decided}.
 */
public record LoanDecided(
    @Classified(DataClass.C1) EventId id,
    @Classified(DataClass.C1) UserId userId,
    @Classified(DataClass.C1) Instant occurredAt,
    @Classified(DataClass.C1) String source,
    @Classified(DataClass.C1) ApplicationId applicationId,
    @Classified(DataClass.C2) DecisionOutcome outcome,
    @Classified(DataClass.C2) Money approvedAmount,
    @Classified(DataClass.C2) List<String> reasonCodes)
    implements UserEvent {

  public LoanDecided {
    Fields.required(id, "id");
    Fields.required(userId, "user_id");
    Fields.required(occurredAt, "occurred_at");
    Fields.requiredText(source, "source");
    Fields.required(applicationId, "application_id");
    Fields.required(outcome, "outcome");
    if (approvedAmount != null) {
      Fields.nonNegative(approvedAmount, "approved_amount");
    }
    reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
  }

  @Override
  public EventType type() {
    return EventType.LOAN_DECIDED;
  }
}
