package io.huaxiang.model.metrics;

/**
 * Kolmogorov-Smirnov statistic: the largest gap between the cumulative score distributions of
 * events and non-events, and the score where it occurs.
 *
 * @param value the maximum of |TPR - FPR| over all cut-offs
 * @param score the cut-off: rows with risk {@code >= score} are flagged at the KS point
 */
public record Ks(double value, double score) {

  /** Computes KS for risk scores (higher = more likely an event). */
  public static Ks of(double[] risk, int[] labels) {
    Ranking.check(risk, labels);
    int[] order = Ranking.ascending(risk);
    long positives = 0;
    for (int l : labels) {
      positives += l;
    }
    long negatives = labels.length - positives;
    double best = 0;
    double bestScore = order.length == 0 ? Double.NaN : risk[order[order.length - 1]];
    long tp = 0;
    long fp = 0;
    int i = order.length - 1;
    while (i >= 0) {
      double s = risk[order[i]];
      while (i >= 0 && risk[order[i]] == s) {
        if (labels[order[i]] == 1) {
          tp++;
        } else {
          fp++;
        }
        i--;
      }
      double gap = Math.abs((double) tp / positives - (double) fp / negatives);
      if (gap > best) {
        best = gap;
        bestScore = s;
      }
    }
    return new Ks(best, bestScore);
  }
}
