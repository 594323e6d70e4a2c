package io.huaxiang.core.event;

import io.huaxiang.core.lending.Money;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An instalment of a loan fell due (or was scheduled) for an amount on a date. Wire type {@code
 * repayment_due}.
 */
public record RepaymentDue(
    EventId id,
    UserId userId,
    Instant occurredAt,
    String source,
    LoanId loanId,
    LocalDate dueDate,
    Money amount)
    implements UserEvent {

  public RepaymentDue {
    Fields.required(id, "id");
    Fields.required(userId, "user_id");
    Fields.required(occurredAt, "occurred_at");
    Fields.requiredText(source, "source");
    Fields.required(loanId, "loan_id");
    Fields.required(dueDate, "due_date");
    Fields.positive(amount, "amount");
  }

  @Override
  public EventType type() {
    return EventType.REPAYMENT_DUE;
  }
}
