package io.huaxiang.core.profile;

/**
 * A sliding time window of whole calendar days ending on the as-of day (inclusive), in the
 * profile's time zone; or the user's whole lifetime.
 */
public enum Window {
  D1(1, "1d"),
  D7(7, "7d"),
  D30(30, "30d"),
  D90(90, "90d"),
  LIFETIME(0, "lifetime");

  private final int days;
  private final String suffix;

  Window(int days, String suffix) {
    this.days = days;
    this.suffix = suffix;
  }

  /** Length in days; 0 for the lifetime window. */
  public int days() {
    return days;
  }

  /** The suffix used in feature names, e.g. {@code applications_count_30d}. */
  public String suffix() {
    return suffix;
  }

  /** True if a day (epoch day) falls in this window ending on {@code asOfDay}. */
  public boolean contains(long epochDay, long asOfDay) {
    return this == LIFETIME || (epochDay <= asOfDay && epochDay > asOfDay - days);
  }

  @Override
  public String toString() {
    return suffix;
  }
}
