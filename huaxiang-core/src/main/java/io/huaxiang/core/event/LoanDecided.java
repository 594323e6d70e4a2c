package io.huaxiang.core.event;

import io.huaxiang.core.lending.Money;
import java.time.Instant;
import java.util.List;

/**
 * A loan application was decided; approved amount is present only when approved. Wire type {@code
 * loan_decided}.
 */
public record LoanDecided(
    EventId id,
    UserId userId,
    Instant occurredAt,
    String source,
    ApplicationId applicationId,
    DecisionOutcome outcome,
    Money approvedAmount,
    List<String> reasonCodes)
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
