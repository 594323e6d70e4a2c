package io.huaxiang.model.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * How well predicted probabilities match observed event rates: a table by predicted-PD band and the
 * Brier score.
 */
public record Calibration(List<Row> rows, double brier) {

  /** One band of rows with similar predicted PD. */
  public record Row(int group, int count, double meanPredicted, double observedRate) {}

  /** Builds the table with {@code groups} equal-count bands of predicted PD. */
  public static Calibration of(double[] pd, int[] labels, int groups) {
    Ranking.check(pd, labels);
    int[] order = Ranking.ascending(pd);
    int n = order.length;
    double brier = 0;
    for (int i = 0; i < n; i++) {
      double d = pd[i] - labels[i];
      brier += d * d;
    }
    List<Row> rows = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      int from = (int) ((long) n * g / groups);
      int to = (int) ((long) n * (g + 1) / groups);
      if (to <= from) {
        continue;
      }
      double sumPd = 0;
      int events = 0;
      for (int k = from; k < to; k++) {
        sumPd += pd[order[k]];
        events += labels[order[k]];
      }
      rows.add(new Row(g + 1, to - from, sumPd / (to - from), (double) events / (to - from)));
    }
    return new Calibration(List.copyOf(rows), n == 0 ? Double.NaN : brier / n);
  }
}
