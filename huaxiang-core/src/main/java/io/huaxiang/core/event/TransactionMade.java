package io.huaxiang.core.event;

import io.huaxiang.core.lending.Money;
import io.huaxiang.core.privacy.Classified;
import io.huaxiang.core.privacy.DataClass;
import java.time.Instant;

/**
 * A consumption transaction: merchant category, amount, online or offline. Wire type {@code
 * transaction}.
 */
public record TransactionMade(
    @Classified(DataClass.C1) EventId id,
    @Classified(DataClass.C1) UserId userId,
    @Classified(DataClass.C1) Instant occurredAt,
    @Classified(DataClass.C1) String source,
    @Classified(DataClass.C2) String merchantCategory,
    @Classified(DataClass.C2) Money amount,
    @Classified(DataClass.C2) Boolean online,
    @Classified(DataClass.C2) Boolean cash)
    implements UserEvent {

  public TransactionMade {
    Fields.required(id, "id");
    Fields.required(userId, "user_id");
    Fields.required(occurredAt, "occurred_at");
    Fields.requiredText(source, "source");
    Fields.requiredText(merchantCategory, "merchant_category");
    Fields.positive(amount, "amount");
    Fields.required(online, "online");
    cash = cash != null && cash;
  }

  @Override
  public EventType type() {
    return EventType.TRANSACTION;
  }
}
