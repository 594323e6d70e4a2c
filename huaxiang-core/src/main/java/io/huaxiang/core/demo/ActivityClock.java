package io.huaxiang.core.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.random.RandomGenerator;

/**
 * When demo users are active: hour-of-day weights with weekday peaks at 9-11 and 14-16, a flatter
 * and busier weekend, and extra night activity for risky users.
 */
final class ActivityClock {
  /** Relative activity per hour, Monday to Friday. */
  static final double[] WEEKDAY = {
    0.4, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.4, 2.4, 4.2, 4.6, 4.0, //
    2.6, 2.8, 4.0, 4.3, 3.8, 2.6, 2.2, 2.6, 3.0, 2.8, 1.8, 1.0
  };

  /** Relative activity per hour, Saturday and Sunday. */
  static final double[] WEEKEND = {
    0.7, 0.4, 0.2, 0.1, 0.1, 0.1, 0.3, 0.7, 1.4, 2.6, 3.4, 3.6, //
    3.0, 2.8, 3.2, 3.4, 3.2, 2.8, 2.6, 3.0, 3.6, 3.4, 2.4, 1.4
  };

  /** How much more likely a user is to be active on a weekend day than on a weekday. */
  static final double WEEKEND_FACTOR = 1.4;

  private static final Weighted<Integer> WEEKDAY_HOURS = hours(WEEKDAY);
  private static final Weighted<Integer> WEEKEND_HOURS = hours(WEEKEND);

  private ActivityClock() {}

  static boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** A time of activity on a day; a user of risk r spends up to a further 25%·r at night. */
  static LocalDateTime timeOn(LocalDate day, double risk, RandomGenerator random) {
    int hour =
        random.nextDouble() < 0.25 * risk
            ? random.nextInt(6)
            : (weekend(day) ? WEEKEND_HOURS : WEEKDAY_HOURS).sample(random);
    return day.atTime(hour, random.nextInt(60), random.nextInt(60));
  }

  private static Weighted<Integer> hours(double[] weights) {
    Weighted<Integer> w = Weighted.of();
    for (int h = 0; h < 24; h++) {
      w.add(weights[h], h);
    }
    return w;
  }
}
