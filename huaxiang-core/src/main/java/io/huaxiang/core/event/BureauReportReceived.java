package io.huaxiang.core.event;

import io.huaxiang.core.lending.Money;
import io.huaxiang.core.privacy.Classified;
import io.huaxiang.core.privacy.DataClass;
import java.time.Instant;

/** A third-party credit report about the user arrived. Wire type {@code bureau_report}. */
public record BureauReportReceived(
    @Classified(DataClass.C1) EventId id,
    @Classified(DataClass.C1) UserId userId,
    @Classified(DataClass.C1) Instant occurredAt,
    @Classified(DataClass.C1) String source,
    @Classified(DataClass.C1) String bureau,
    @Classified(DataClass.C2) Integer inquiries3m,
    @Classified(DataClass.C2) Integer openLines,
    @Classified(DataClass.C2) Integer overdueAccounts,
    @Classified(DataClass.C2) Integer platformsBorrowed,
    @Classified(DataClass.C2) Money outstandingDebt)
    implements UserEvent {

  public BureauReportReceived {
    Fields.required(id, "id");
    Fields.required(userId, "user_id");
    Fields.required(occurredAt, "occurred_at");
    Fields.requiredText(source, "source");
    Fields.between(Fields.required(inquiries3m, "inquiries3m"), 0, 10_000, "inquiries3m");
    Fields.between(Fields.required(openLines, "open_lines"), 0, 10_000, "open_lines");
    Fields.between(
        Fields.required(overdueAccounts, "overdue_accounts"), 0, 10_000, "overdue_accounts");
    Fields.between(
        Fields.required(platformsBorrowed, "platforms_borrowed"), 0, 10_000, "platforms_borrowed");
    if (outstandingDebt != null) {
      Fields.nonNegative(outstandingDebt, "outstanding_debt");
    }
  }

  @Override
  public EventType type() {
    return EventType.BUREAU_REPORT;
  }
}
