package io.huaxiang.model.scorecard;

import io.huaxiang.model.binning.FeatureBinning;
import java.util.Arrays;

/**
 * One characteristic of the card: its bins, regression coefficient and integer points per bin.
 *
 * @param binning the feature's bins and WoE
 * @param coefficient logistic-regression coefficient of the WoE input
 * @param points integer points per bin, in bin order; unmatched values get 0 (neutral WoE)
 * @param label display names
 */
public record ScorecardFeature(
    FeatureBinning binning, double coefficient, int[] points, FeatureLabel label) {

  public String name() {
    return binning.feature();
  }

  /** Points of a bin index; -1 (a value matching no bin) gets 0 points, as WoE 0 does. */
  public int pointsOf(int bin) {
    return bin < 0 ? 0 : points[bin];
  }

  /** The best points any value can earn here (at least the neutral 0). */
  public int maxPoints() {
    return Math.max(0, Arrays.stream(points).max().orElse(0));
  }

  /** Training-population average points, weighted by bin share. */
  public double averagePoints() {
    double sum = 0;
    for (int b = 0; b < points.length; b++) {
      sum += points[b] * binning.bins().get(b).share();
    }
    return sum;
  }
}
