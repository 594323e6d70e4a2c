package io.huaxiang.core.event;

import io.huaxiang.core.lending.Money;
import io.huaxiang.core.privacy.Classified;
import io.huaxiang.core.privacy.DataClass;
import java.math.BigDecimal;
import java.time.Instant;

/** Money was paid out for a loan; the loan starts here. Wire type {@code loan_disbursed}. */
public record LoanDisbursed(
    @Classified(DataClass.C1) EventId id,
    @Classified(DataClass.C1) UserId userId,
    @Classified(DataClass.C1) Instant occurredAt,
    @Classified(DataClass.C1) String source,
    @Classified(DataClass.C1) LoanId loanId,
    @Classified(DataClass.C1) ApplicationId applicationId,
    @Classified(DataClass.C2) Money principal,
    @Classified(DataClass.C2) BigDecimal apr,
    @Classified(DataClass.C2) Integer termMonths,
    @Classified(DataClass.C2) RepaymentMode repaymentMode)
    implements UserEvent {

  public LoanDisbursed {
    Fields.required(id, "id");
    Fields.required(userId, "user_id");
    Fields.required(occurredAt, "occurred_at");
    Fields.requiredText(source, "source");
    Fields.required(loanId, "loan_id");
    Fields.positive(principal, "principal");
    Fields.required(apr, "apr");
    if (apr.signum() < 0 || apr.compareTo(BigDecimal.TEN) > 0) {
      throw new InvalidEventException(
          RejectReason.INVALID_VALUE,
          "apr",
          "field 'apr' is a yearly rate as a fraction, e.g. 0.18 for 18%");
    }
    Fields.between(Fields.required(termMonths, "term_months"), 1, 120, "term_months");
    Fields.required(repaymentMode, "repayment_mode");
  }

  @Override
  public EventType type() {
    return EventType.LOAN_DISBURSED;
  }
}
