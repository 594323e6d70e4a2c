package io.huaxiang.core.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;

/**
 * A profile seen at an as-of time: the window totals and dates features are computed from. The
 * as-of time is passed in (the request time, or the event time of the latest event), never read
 * from a clock.
 */
public final class ProfileView {
  private final ProfileState state;
  private final Instant asOf;
  private final LocalDate asOfDate;
  private final ZoneId zone;
  private final EnumMap<Window, WindowTotals> windows = new EnumMap<>(Window.class);

  public ProfileView(ProfileState state, Instant asOf, ZoneId zone) {
    this.state = state;
    this.asOf = asOf;
    this.zone = zone;
    this.asOfDate = LocalDate.ofInstant(asOf, zone);
  }

  public ProfileState state() {
    return state;
  }

  public Instant asOf() {
    return asOf;
  }

  public LocalDate asOfDate() {
    return asOfDate;
  }

  LocalDate localDate(Instant at) {
    return LocalDate.ofInstant(at, zone);
  }

  /** Whole days from an instant to the as-of time, or NaN if it never happened. */
  double daysSince(Instant at) {
    if (at == null) {
      return Double.NaN;
    }
    return Math.max(0, asOfDate.toEpochDay() - localDate(at).toEpochDay());
  }

  WindowTotals window(Window w) {
    if (w == Window.LIFETIME) {
      throw new IllegalArgumentException("lifetime values come from the state, not day buckets");
    }
    if (windows.isEmpty()) {
      sumBuckets();
    }
    return windows.get(w);
  }

  private void sumBuckets() {
    Window[] sliding = {Window.D1, Window.D7, Window.D30, Window.D90};
    for (Window w : sliding) {
      windows.put(w, new WindowTotals());
    }
    long today = asOfDate.toEpochDay();
    for (DayBucket d : state.days) {
      if (d == null) {
        continue;
      }
      for (Window w : sliding) {
        if (w.contains(d.epochDay, today)) {
          windows.get(w).add(d);
        }
      }
    }
  }
}
