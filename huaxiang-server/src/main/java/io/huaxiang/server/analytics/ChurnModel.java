package io.huaxiang.server.analytics;

import java.time.Instant;
import java.util.List;

/**
 * A trained churn-warning model: logistic regression on standardised {@link ChurnFeatures} at a
 * cut-off, predicting no activity in the following {@code horizonDays}; with its out-of-time
 * validation against the recency-only baseline.
 */
public record ChurnModel(
    int horizonDays,
    List<Instant> trainingCutoffs,
    Instant validationCutoff,
    List<String> features,
    double[] means,
    double[] deviations,
    double intercept,
    double[] coefficients,
    Validation training,
    Validation validation,
    Validation recencyBaseline) {

  /**
   * How well scores rank who went silent on one set of examples: AUC, lift in the riskiest tenth
   * (silent share there over the overall silent share), and how many examples and how many went
   * silent.
   */
  public record Validation(long examples, long silent, double auc, double topDecileLift) {}

  /** The probability of going silent within the horizon, from a raw (unstandardised) row. */
  public double probability(double[] row) {
    double eta = intercept;
    for (int j = 0; j < row.length; j++) {
      eta += coefficients[j] * (row[j] - means[j]) / deviations[j];
    }
    return 1 / (1 + Math.exp(-eta));
  }
}
