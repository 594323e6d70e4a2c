package io.huaxiang.core.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The user lifecycle (用户生命周期), evaluated on local days in event time: a user's stage on a day
 * depends only on their events up to the end of that day.
 *
 * <p>Rules, first match wins, with {@code silence} = days since the last active day:
 *
 * <ol>
 *   <li>silence &gt; {@code churnedAfterDays} → churned;
 *   <li>silence &gt; {@code silentAfterDays} → silent;
 *   <li>the user came back (an active day after a gap of more than {@code silentAfterDays}) at most
 *       {@code reactivatedForDays} ago → reactivated;
 *   <li>a loan disbursed and at least {@code activeMinDays} active days in the last {@code
 *       activeWindowDays} → active;
 *   <li>a loan disbursed → borrower;
 *   <li>an application made → applied;
 *   <li>otherwise registered.
 * </ol>
 *
 * <p>Pure: no clock, no I/O; the caller gives the day.
 */
public final class Lifecycle {
  private final LifecycleThresholds thresholds;

  public Lifecycle(LifecycleThresholds thresholds) {
    this.thresholds = thresholds;
  }

  public LifecycleThresholds thresholds() {
    return thresholds;
  }

  /** The stage at the end of local day {@code day}, or null if the user had no event by then. */
  public LifecycleStage stageOn(LifecycleFacts f, LocalDate day) {
    if (f.firstSeenAt() == null || day.isBefore(local(f, f.firstSeenAt()))) {
      return null;
    }
    LocalDate last = f.activeDays().floor(day);
    long silence =
        last == null
            ? ChronoUnit.DAYS.between(local(f, f.firstSeenAt()), day)
            : ChronoUnit.DAYS.between(last, day);
    if (silence > thresholds.churnedAfterDays()) {
      return LifecycleStage.CHURNED;
    }
    if (silence > thresholds.silentAfterDays()) {
      return LifecycleStage.SILENT;
    }
    if (returnedWithin(f, day)) {
      return LifecycleStage.REACTIVATED;
    }
    if (reached(f, f.firstDisbursedAt(), day)) {
      LocalDate windowStart = day.minusDays(thresholds.activeWindowDays() - 1L);
      int active = f.activeDays().subSet(windowStart, true, day, true).size();
      return active >= thresholds.activeMinDays() ? LifecycleStage.ACTIVE : LifecycleStage.BORROWER;
    }
    if (reached(f, f.firstAppliedAt(), day)) {
      return LifecycleStage.APPLIED;
    }
    return LifecycleStage.REGISTERED;
  }

  /** The stage at an instant: the stage at the end of that instant's local day. */
  public LifecycleStage stageAt(LifecycleFacts f, Instant at) {
    return stageOn(f, local(f, at));
  }

  /** Every stage the user went through up to {@code until}, as consecutive periods. */
  public List<StagePeriod> history(LifecycleFacts f, LocalDate until) {
    List<StagePeriod> out = new ArrayList<>();
    if (f.firstSeenAt() == null) {
      return out;
    }
    LocalDate start = local(f, f.firstSeenAt());
    LifecycleStage current = null;
    LocalDate since = start;
    for (LocalDate d = start; !d.isAfter(until); d = d.plusDays(1)) {
      LifecycleStage s = stageOn(f, d);
      if (s != current) {
        if (current != null) {
          out.add(new StagePeriod(current, since, d.minusDays(1)));
        }
        current = s;
        since = d;
      }
    }
    if (current != null) {
      out.add(new StagePeriod(current, since, until));
    }
    return out;
  }

  /** Whether the latest return from a gap of more than silentAfterDays is recent enough. */
  private boolean returnedWithin(LifecycleFacts f, LocalDate day) {
    LocalDate from = day.minusDays(thresholds.reactivatedForDays());
    // walk the active days of the reactivation window, newest first, for one that ends a gap
    for (LocalDate d : f.activeDays().subSet(from, true, day, true).descendingSet()) {
      LocalDate before = f.activeDays().lower(d);
      if (before != null && ChronoUnit.DAYS.between(before, d) > thresholds.silentAfterDays()) {
        return true;
      }
    }
    return false;
  }

  private static boolean reached(LifecycleFacts f, Instant at, LocalDate day) {
    return at != null && !local(f, at).isAfter(day);
  }

  private static LocalDate local(LifecycleFacts f, Instant at) {
    return LocalDate.ofInstant(at, f.zone());
  }
}
