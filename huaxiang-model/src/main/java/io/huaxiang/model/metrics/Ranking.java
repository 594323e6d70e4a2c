package io.huaxiang.model.metrics;

import java.util.Arrays;

/** Shared sorting helpers for rank-based metrics. */
final class Ranking {
  private Ranking() {}

  /** Returns row indices ordered by ascending score. */
  static int[] ascending(double[] scores) {
    Integer[] idx = new Integer[scores.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
    int[] out = new int[idx.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  static void check(double[] scores, int[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          scores.length + " scores but " + labels.length + " labels: they must pair up");
    }
    for (double s : scores) {
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException("a score is NaN: every row needs a score");
      }
    }
  }
}
