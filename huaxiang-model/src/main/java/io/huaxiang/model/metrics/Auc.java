package io.huaxiang.model.metrics;

/** Area under the ROC curve, computed from ranks (Mann-Whitney U) with tied scores averaged. */
public final class Auc {
  private Auc() {}

  /**
   * Returns the probability that a random event row scores higher than a random non-event row (ties
   * count one half). Higher {@code risk} must mean "more likely an event".
   */
  public static double of(double[] risk, int[] labels) {
    Ranking.check(risk, labels);
    int[] order = Ranking.ascending(risk);
    double rankSumPositives = 0;
    long positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && risk[order[j + 1]] == risk[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1; // 1-based mid-rank of the tie group
      for (int k = i; k <= j; k++) {
        if (labels[order[k]] == 1) {
          rankSumPositives += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = order.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("AUC needs both events and non-events");
    }
    return (rankSumPositives - positives * (positives + 1) / 2.0)
        / (positives * (double) negatives);
  }

  /** Returns the Gini coefficient (accuracy ratio) {@code 2 * AUC - 1}. */
  public static double gini(double[] risk, int[] labels) {
    return 2 * of(risk, labels) - 1;
  }
}
