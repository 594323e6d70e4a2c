package io.huaxiang.model.scorecard;

import io.huaxiang.model.metrics.Stability;
import java.util.Arrays;

/**
 * The training sample's score distribution, kept in the model file so that score PSI can be
 * monitored later without the training data: band edges at the training deciles of the points, and
 * how many training rows fell in each band.
 *
 * @param cuts increasing band edges (a value {@code x} is in band {@code i} when {@code cuts[i-1]
 *     <= x < cuts[i]})
 * @param counts training rows per band, one more than {@code cuts}
 */
public record ScoreBaseline(double[] cuts, long[] counts) {

  public ScoreBaseline {
    cuts = cuts.clone();
    counts = counts.clone();
    if (counts.length != cuts.length + 1) {
      throw new IllegalArgumentException("a score baseline needs one count more than cuts");
    }
  }

  /** Bands at the deciles of the training points. */
  public static ScoreBaseline of(int[] points) {
    double[] sorted = Arrays.stream(points).asDoubleStream().sorted().toArray();
    double[] cuts =
        java.util.stream.IntStream.range(1, 10)
            .mapToDouble(b -> sorted[(int) ((long) sorted.length * b / 10)])
            .distinct()
            .toArray();
    return new ScoreBaseline(cuts, count(cuts, Arrays.stream(points).asDoubleStream().toArray()));
  }

  /** Score PSI of the current points against this baseline. */
  public Stability psi(double[] currentPoints) {
    String[] labels = new String[counts.length];
    for (int i = 0; i < labels.length; i++) {
      String lo = i == 0 ? "-inf" : fmt(cuts[i - 1]);
      String hi = i == cuts.length ? "+inf" : fmt(cuts[i]);
      labels[i] = "[" + lo + ", " + hi + ")";
    }
    return Stability.fromCounts("score", labels, counts, count(cuts, currentPoints));
  }

  private static long[] count(double[] cuts, double[] values) {
    long[] out = new long[cuts.length + 1];
    for (double v : values) {
      int pos = Arrays.binarySearch(cuts, v);
      out[pos >= 0 ? pos + 1 : -pos - 1]++;
    }
    return out;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreBaseline b
        && Arrays.equals(cuts, b.cuts)
        && Arrays.equals(counts, b.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(cuts) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "ScoreBaseline" + Arrays.toString(cuts) + Arrays.toString(counts);
  }
}
