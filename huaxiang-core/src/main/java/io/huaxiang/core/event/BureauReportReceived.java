package io.huaxiang.core.event;

import io.huaxiang.core.lending.Money;
import java.time.Instant;

/** A third-party credit report about the user arrived. Wire type {@code bureau_report}. */
public record BureauReportReceived(
    EventId id,
    UserId userId,
    Instant occurredAt,
    String source,
    String bureau,
    Integer inquiries3m,
    Integer openLines,
    Integer overdueAccounts,
    Integer platformsBorrowed,
    Money outstandingDebt)
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
