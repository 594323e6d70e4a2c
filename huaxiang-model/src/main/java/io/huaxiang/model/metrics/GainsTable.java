package io.huaxiang.model.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Lift and gains by score band: rows sorted from riskiest to safest and cut into equal groups
 * (deciles by default).
 */
public record GainsTable(List<Row> rows) {

  /** One band, from riskiest ({@code group = 1}) to safest. */
  public record Row(
      int group,
      double minRisk,
      double maxRisk,
      int count,
      int events,
      double eventRate,
      double cumulativeEventShare,
      double lift,
      double cumulativeLift) {}

  /** Builds the table with {@code groups} bands of (almost) equal size. */
  public static GainsTable of(double[] risk, int[] labels, int groups) {
    Ranking.check(risk, labels);
    int[] order = Ranking.ascending(risk);
    int n = order.length;
    long total = 0;
    for (int l : labels) {
      total += l;
    }
    double overallRate = (double) total / n;
    List<Row> rows = new ArrayList<>();
    int cumEvents = 0;
    int cumCount = 0;
    for (int g = 0; g < groups; g++) {
      int from = (int) ((long) n * g / groups);
      int to = (int) ((long) n * (g + 1) / groups);
      if (to <= from) {
        continue;
      }
      int events = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int k = from; k < to; k++) {
        int row = order[n - 1 - k];
        events += labels[row];
        min = Math.min(min, risk[row]);
        max = Math.max(max, risk[row]);
      }
      cumEvents += events;
      cumCount += to - from;
      double rate = (double) events / (to - from);
      rows.add(
          new Row(
              g + 1,
              min,
              max,
              to - from,
              events,
              rate,
              total == 0 ? 0 : (double) cumEvents / total,
              overallRate == 0 ? 0 : rate / overallRate,
              overallRate == 0 ? 0 : ((double) cumEvents / cumCount) / overallRate));
    }
    return new GainsTable(List.copyOf(rows));
  }
}
