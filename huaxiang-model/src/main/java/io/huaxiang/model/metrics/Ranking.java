package io.huaxiang.model.metrics;

/** Shared sorting helpers for rank-based metrics. */
final class Ranking {
  private Ranking() {}

  /**
   * Returns row indices ordered by ascending score (stable). A bottom-up merge sort on primitive
   * arrays: sorting boxed indices with a comparator costs several times more on large samples.
   */
  static int[] ascending(double[] scores) {
    int n = scores.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] b = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          b[k++] = scores[a[j]] < scores[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
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
