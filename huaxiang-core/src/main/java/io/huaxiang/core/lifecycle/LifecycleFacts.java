package io.huaxiang.core.lifecycle;

import io.huaxiang.core.event.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * What the lifecycle needs to know of a user, collected from their events in any order: when they
 * first appeared, registered, applied and got a loan, and the local days they were active. Activity
 * counts the same event types as the portrait's activity features.
 */
public final class LifecycleFacts {
  private final ZoneId zone;
  private Instant firstSeenAt;
  private Instant firstAppliedAt;
  private Instant firstDisbursedAt;
  private final TreeSet<LocalDate> activeDays = new TreeSet<>();

  public LifecycleFacts(ZoneId zone) {
    this.zone = zone;
  }

  /** Adds one event; the order of calls does not matter. */
  public LifecycleFacts add(EventType type, Instant at) {
    firstSeenAt = min(firstSeenAt, at);
    switch (type) {
      case LOAN_APPLIED -> firstAppliedAt = min(firstAppliedAt, at);
      case LOAN_DISBURSED -> firstDisbursedAt = min(firstDisbursedAt, at);
      default -> {}
    }
    if (isActivity(type)) {
      activeDays.add(LocalDate.ofInstant(at, zone));
    }
    return this;
  }

  /** The event types that count as activity (as in the portrait's activity features). */
  public static boolean isActivity(EventType type) {
    return switch (type) {
      case USER_REGISTERED, SESSION, PAGE_VIEW, LOAN_APPLIED, REPAYMENT_MADE, TRANSACTION -> true;
      default -> false;
    };
  }

  public ZoneId zone() {
    return zone;
  }

  public Instant firstSeenAt() {
    return firstSeenAt;
  }

  public Instant firstAppliedAt() {
    return firstAppliedAt;
  }

  public Instant firstDisbursedAt() {
    return firstDisbursedAt;
  }

  public NavigableSet<LocalDate> activeDays() {
    return Collections.unmodifiableNavigableSet(activeDays);
  }

  private static Instant min(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }
}
