package io.huaxiang.model.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Population stability index between a base sample (e.g. training) and a current sample: PSI for
 * scores, CSI for one feature's bins. Both are {@code sum((cur - base) * ln(cur / base))} over
 * shares.
 *
 * @param name what was compared (e.g. "score" or a feature name)
 * @param index the PSI/CSI value
 * @param flag the 0.1/0.25 reading
 * @param rows per band: base share, current share and contribution
 */
public record Stability(String name, double index, StabilityFlag flag, List<Row> rows) {

  /** One band of the comparison. */
  public record Row(String band, double baseShare, double currentShare, double contribution) {}

  /** Share floor so an empty band contributes a large but finite amount instead of infinity. */
  private static final double FLOOR = 1e-4;

  /** PSI of scores, with bands at the base sample's deciles. */
  public static Stability psi(double[] base, double[] current, int bands) {
    double[] sorted = base.clone();
    Arrays.sort(sorted);
    double[] cuts = new double[bands - 1];
    for (int b = 1; b < bands; b++) {
      cuts[b - 1] = sorted[(int) ((long) sorted.length * b / bands)];
    }
    double[] edges = Arrays.stream(cuts).distinct().toArray();
    long[] baseCounts = count(base, edges);
    long[] currentCounts = count(current, edges);
    String[] labels = new String[edges.length + 1];
    for (int i = 0; i < labels.length; i++) {
      String lo = i == 0 ? "-inf" : fmt(edges[i - 1]);
      String hi = i == edges.length ? "+inf" : fmt(edges[i]);
      labels[i] = "[" + lo + ", " + hi + ")";
    }
    return fromCounts("score", labels, baseCounts, currentCounts);
  }

  /** CSI or PSI from counts per band (e.g. rows per WoE bin of one feature). */
  public static Stability fromCounts(String name, String[] bands, long[] base, long[] current) {
    double baseTotal = Arrays.stream(base).sum();
    double currentTotal = Arrays.stream(current).sum();
    double index = 0;
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < base.length; i++) {
      double b = Math.max(base[i] / baseTotal, FLOOR);
      double c = Math.max(current[i] / currentTotal, FLOOR);
      double contribution = (c - b) * Math.log(c / b);
      index += contribution;
      rows.add(new Row(bands[i], base[i] / baseTotal, current[i] / currentTotal, contribution));
    }
    return new Stability(name, index, StabilityFlag.of(index), List.copyOf(rows));
  }

  private static long[] count(double[] values, double[] edges) {
    long[] counts = new long[edges.length + 1];
    for (double v : values) {
      int pos = Arrays.binarySearch(edges, v);
      int band = pos >= 0 ? pos + 1 : -pos - 1;
      counts[band]++;
    }
    return counts;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.4g", v);
  }
}
