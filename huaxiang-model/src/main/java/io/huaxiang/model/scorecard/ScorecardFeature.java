package io.huaxiang.model.scorecard;

import io.huaxiang.model.binning.CrossFeature;
import io.huaxiang.model.binning.FeatureBinning;
import io.huaxiang.model.data.Column;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.derived.DerivedFeature;
import java.util.Arrays;
import java.util.Map;

/**
 * One characteristic of the card: its bins, regression coefficient and integer points per bin.
 *
 * @param binning the feature's bins and WoE
 * @param coefficient logistic-regression coefficient of the WoE input
 * @param points integer points per bin, in bin order; unmatched values get 0 (neutral WoE)
 * @param label display names
 * @param cross the two source features if this is an interaction, else {@code null}
 * @param derived the recipe if this feature is computed from raw columns, else {@code null}
 */
public record ScorecardFeature(
    FeatureBinning binning,
    double coefficient,
    int[] points,
    FeatureLabel label,
    CrossFeature cross,
    DerivedFeature derived) {

  /** A raw or interaction feature. */
  public ScorecardFeature(
      FeatureBinning binning,
      double coefficient,
      int[] points,
      FeatureLabel label,
      CrossFeature cross) {
    this(binning, coefficient, points, label, cross, null);
  }

  /** A plain (non-interaction) feature. */
  public ScorecardFeature(
      FeatureBinning binning, double coefficient, int[] points, FeatureLabel label) {
    this(binning, coefficient, points, label, null, null);
  }

  /** Returns this feature's raw input from an applicant (an interaction derives it). */
  public Object input(Map<String, ?> applicant) {
    if (derived != null) {
      return derived.valueOf(applicant);
    }
    return cross == null ? applicant.get(name()) : cross.labelOf(applicant);
  }

  /** Returns this feature's column of a dataset (an interaction derives it). */
  public Column column(Dataset data) {
    if (derived != null) {
      return derived.derive(data);
    }
    return cross == null ? data.column(name()) : cross.derive(data);
  }

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
