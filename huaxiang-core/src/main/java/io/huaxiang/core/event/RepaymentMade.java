package io.huaxiang.core.event;

import io.huaxiang.core.lending.Money;
import io.huaxiang.core.privacy.Classified;
import io.huaxiang.core.privacy.DataClass;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A user paid (part of) an instalment; paid date minus due date gives the days past due. Wire type
 * {@code repayment_made}.
 */
public record RepaymentMade(
    @Classified(DataClass.C1) EventId id,
    @Classified(DataClass.C1) UserId userId,
    @Classified(DataClass.C1) Instant occurredAt,
    @Classified(DataClass.C1) String source,
    @Classified(DataClass.C1) LoanId loanId,
    @Classified(DataClass.C2) LocalDate dueDate,
    @Classified(DataClass.C2) LocalDate paidDate,
    @Classified(DataClass.C2) Money amount)
    implements UserEvent {

  public RepaymentMade {
    Fields.required(id, "id");
    Fields.required(userId, "user_id");
    Fields.required(occurredAt, "occurred_at");
    Fields.requiredText(source, "source");
    Fields.required(loanId, "loan_id");
    Fields.required(dueDate, "due_date");
    Fields.required(paidDate, "paid_date");
    Fields.positive(amount, "amount");
  }

  @Override
  public EventType type() {
    return EventType.REPAYMENT_MADE;
  }
}
