package io.huaxiang.model.metrics;

/** Counts of right and wrong calls when rows with risk at or above a cut-off are flagged. */
public record ConfusionMatrix(
    double cutoff,
    long truePositives,
    long falsePositives,
    long trueNegatives,
    long falseNegatives) {

  /** Flags rows with {@code risk >= cutoff} as predicted events. */
  public static ConfusionMatrix at(double[] risk, int[] labels, double cutoff) {
    Ranking.check(risk, labels);
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int i = 0; i < risk.length; i++) {
      boolean flagged = risk[i] >= cutoff;
      if (labels[i] == 1) {
        if (flagged) {
          tp++;
        } else {
          fn++;
        }
      } else if (flagged) {
        fp++;
      } else {
        tn++;
      }
    }
    return new ConfusionMatrix(cutoff, tp, fp, tn, fn);
  }

  public double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  /** Share of events that are flagged (true positive rate, sensitivity). */
  public double recall() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  public double falsePositiveRate() {
    return ratio(falsePositives, falsePositives + trueNegatives);
  }

  public double accuracy() {
    return ratio(
        truePositives + trueNegatives,
        truePositives + trueNegatives + falsePositives + falseNegatives);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }
}
