package io.huaxiang.core.event;

import java.time.Duration;
import java.time.Instant;

/**
 * Refuses events dated too far in the future: a clock skew of a few minutes is normal for phones
 * and partner systems, a day is a bug that would corrupt every window.
 */
public record EventTimePolicy(Duration futureTolerance) {
  public static final EventTimePolicy DEFAULT = new EventTimePolicy(Duration.ofMinutes(5));

  public void check(UserEvent event, Instant receivedAt) {
    if (event.occurredAt().isAfter(receivedAt.plus(futureTolerance))) {
      throw new InvalidEventException(
          RejectReason.FUTURE_EVENT_TIME,
          "occurred_at",
          "field 'occurred_at' is "
              + event.occurredAt()
              + ", more than "
              + futureTolerance.toMinutes()
              + " minutes after the time it was received ("
              + receivedAt
              + ")");
    }
  }
}
