package io.huaxiang.core.event;

import io.huaxiang.core.lending.Money;
import io.huaxiang.core.privacy.Classified;
import io.huaxiang.core.privacy.DataClass;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An instalment of a loan fell due (or was scheduled) for an amount on a date. Wire type {@code
 * repayment_due}.
 */
public record RepaymentDue(
    @Classified(DataClass.C1) EventId id,
    @Classified(DataClass.C1) UserId userId,
    @Classified(DataClass.C1) Instant occurredAt,
    @Classified(DataClass.C1) String source,
    @Classified(DataClass.C1) LoanId loanId,
    @Classified(DataClass.C2) LocalDate dueDate,
    @Classified(DataClass.C2) Money amount)
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
