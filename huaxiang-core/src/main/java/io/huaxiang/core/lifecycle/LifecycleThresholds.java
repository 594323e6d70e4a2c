package io.huaxiang.core.lifecycle;

/**
 * The configurable thresholds of the lifecycle, in local days.
 *
 * @param activeWindowDays the window active days are counted over (default 30)
 * @param activeMinDays a borrower with at least this many active days in the window is active
 *     (default 4)
 * @param silentAfterDays no activity for more than this many days: silent (default 30)
 * @param churnedAfterDays no activity for more than this many days: churned (default 90)
 * @param reactivatedForDays a user counts as reactivated for this many days after returning from
 *     silence or churn (default 30)
 */
public record LifecycleThresholds(
    int activeWindowDays,
    int activeMinDays,
    int silentAfterDays,
    int churnedAfterDays,
    int reactivatedForDays) {

  public static final LifecycleThresholds DEFAULT = new LifecycleThresholds(30, 4, 30, 90, 30);

  public LifecycleThresholds {
    if (activeWindowDays < 1 || activeMinDays < 1 || activeMinDays > activeWindowDays) {
      throw new IllegalArgumentException(
          "need 1 <= active_min_days <= active_window_days, got "
              + activeMinDays
              + " and "
              + activeWindowDays);
    }
    if (silentAfterDays < 1 || churnedAfterDays <= silentAfterDays) {
      throw new IllegalArgumentException(
          "need 1 <= silent_after_days < churned_after_days, got "
              + silentAfterDays
              + " and "
              + churnedAfterDays);
    }
    if (reactivatedForDays < 0) {
      throw new IllegalArgumentException(
          "reactivated_for_days must not be negative, got " + reactivatedForDays);
    }
  }
}
