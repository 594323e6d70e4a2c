package io.huaxiang.server.console;

import java.util.Locale;

/**
 * Equal-width bins with a "nice" width (1, 2, 2.5 or 5 times a power of ten, at least 1 for whole
 * numbers) covering the 1st to 99th percentile, so one outlier does not squash every other bar;
 * values beyond fall into the edge bins. When the middle 98% is a single value the whole range is
 * used instead.
 */
record Binning(double start, double width, int count, double lo, double hi) {
  private static final double[] STEPS = {1, 2, 2.5, 5, 10};

  static Binning single() {
    return new Binning(0, 1, 1, 0, 0);
  }

  static Binning of(PopulationAnalytics.Stats s, int target) {
    double lo = s.p01();
    double hi = s.p99();
    if (hi <= lo) {
      lo = s.min();
      hi = s.max();
    }
    int bins = Math.max(1, Math.min(target, 200));
    double width = niceWidth((hi - lo) / bins, s.integral());
    double start = Math.floor(lo / width) * width;
    int count = (int) Math.floor((hi - start) / width) + 1;
    return new Binning(start, width, Math.max(1, count), lo, hi);
  }

  static double niceWidth(double raw, boolean integral) {
    if (!(raw > 0)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double width = magnitude * 10;
    for (double step : STEPS) {
      if (step * magnitude >= raw * (1 - 1e-9)) {
        width = step * magnitude;
        break;
      }
    }
    return integral ? Math.max(1, Math.ceil(width)) : width;
  }

  double lower(int i) {
    return start + i * width;
  }

  /** The SQL giving a value's bin index (0 to count − 1), outliers clamped to the edge bins. */
  String bucketSql(String column) {
    return String.format(
        Locale.ROOT,
        "least(%d, greatest(0, floor((%s - (%s)) / %s)))::int",
        count - 1,
        column,
        Double.toString(start),
        Double.toString(width));
  }

  String label(int i) {
    return "[" + number(lower(i)) + ", " + number(lower(i) + width) + ")";
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
