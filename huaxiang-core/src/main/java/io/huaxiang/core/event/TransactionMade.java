package io.huaxiang.core.event;

import io.huaxiang.core.lending.Money;
import java.time.Instant;

/**
 * A consumption transaction: merchant category, amount, online or offline. Wire type {@code
 * transaction}.
 */
public record TransactionMade(
    EventId id,
    UserId userId,
    Instant occurredAt,
    String source,
    String merchantCategory,
    Money amount,
    Boolean online,
    Boolean cash)
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
