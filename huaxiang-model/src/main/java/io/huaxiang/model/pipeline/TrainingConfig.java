package io.huaxiang.model.pipeline;

import io.huaxiang.model.binning.BinningConfig;
import io.huaxiang.model.scorecard.FeatureLabel;
import io.huaxiang.model.scorecard.Scaling;
import io.huaxiang.model.selection.SelectionConfig;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Everything the automatic pipeline needs besides the data. The defaults are the ones used on every
 * benchmark dataset; nothing is tuned per dataset.
 *
 * @param modelName name written into the artifact
 * @param target target column
 * @param positiveValue target value that counts as the event (e.g. "bad", "1", "yes")
 * @param exclude columns never used as features (identifiers, leaks such as call duration)
 * @param binning binning constraints
 * @param selection feature-selection rules
 * @param l2 L2 penalty of the final logistic regression (0 = plain maximum likelihood; {@link
 *     #L2_BY_CROSS_VALIDATION} = chosen by approximate leave-one-out on the training rows)
 * @param scaling points scaling
 * @param labels display names of features for reason codes and reports
 * @param clock source of the training timestamp written into the artifact
 * @param interactions which pairwise interaction features are offered to selection
 * @param groupFeatures whether behaviour features over groups of like columns (means, trends,
 *     ratios; see {@link io.huaxiang.model.derived.FeatureGroups}) are offered to selection
 */
public record TrainingConfig(
    String modelName,
    String target,
    String positiveValue,
    Set<String> exclude,
    BinningConfig binning,
    SelectionConfig selection,
    double l2,
    Scaling scaling,
    Map<String, FeatureLabel> labels,
    Clock clock,
    Interactions interactions,
    boolean groupFeatures) {

  /**
   * Chooses the final fit's ridge penalty by approximate leave-one-out cross-validation on the
   * training rows (held-out log-likelihood over 0, 1, 3, 10, 30, 100): small samples get the
   * shrinkage they need, large ones hardly any.
   */
  public static final double L2_BY_CROSS_VALIDATION = -1;

  /** The default: {@link #L2_BY_CROSS_VALIDATION}. */
  public static final double DEFAULT_L2 = L2_BY_CROSS_VALIDATION;

  public TrainingConfig {
    if (Double.isNaN(l2) || (l2 < 0 && l2 != L2_BY_CROSS_VALIDATION)) {
      throw new IllegalArgumentException("L2 penalty must be >= 0 or L2_BY_CROSS_VALIDATION");
    }
    exclude = Set.copyOf(exclude);
    labels = Map.copyOf(labels);
  }

  /** Default pipeline for a target column and its event value. */
  public static TrainingConfig defaults(String target, String positiveValue) {
    return new TrainingConfig(
        "scorecard",
        target,
        positiveValue,
        Set.of(),
        BinningConfig.defaults(),
        SelectionConfig.defaults(),
        DEFAULT_L2,
        Scaling.defaults(),
        Map.of(),
        Clock.systemUTC(),
        Interactions.defaults(),
        true);
  }

  public TrainingConfig withName(String name) {
    return new TrainingConfig(
        name,
        target,
        positiveValue,
        exclude,
        binning,
        selection,
        l2,
        scaling,
        labels,
        clock,
        interactions,
        groupFeatures);
  }

  public TrainingConfig excluding(Set<String> columns) {
    return new TrainingConfig(
        modelName,
        target,
        positiveValue,
        columns,
        binning,
        selection,
        l2,
        scaling,
        labels,
        clock,
        interactions,
        groupFeatures);
  }

  public TrainingConfig withBinning(BinningConfig config) {
    return new TrainingConfig(
        modelName,
        target,
        positiveValue,
        exclude,
        config,
        selection,
        l2,
        scaling,
        labels,
        clock,
        interactions,
        groupFeatures);
  }

  public TrainingConfig withSelection(SelectionConfig config) {
    return new TrainingConfig(
        modelName,
        target,
        positiveValue,
        exclude,
        binning,
        config,
        l2,
        scaling,
        labels,
        clock,
        interactions,
        groupFeatures);
  }

  public TrainingConfig withScaling(Scaling points) {
    return new TrainingConfig(
        modelName,
        target,
        positiveValue,
        exclude,
        binning,
        selection,
        l2,
        points,
        labels,
        clock,
        interactions,
        groupFeatures);
  }

  public TrainingConfig withLabels(Map<String, FeatureLabel> names) {
    return new TrainingConfig(
        modelName,
        target,
        positiveValue,
        exclude,
        binning,
        selection,
        l2,
        scaling,
        names,
        clock,
        interactions,
        groupFeatures);
  }

  public TrainingConfig withClock(Clock source) {
    return new TrainingConfig(
        modelName,
        target,
        positiveValue,
        exclude,
        binning,
        selection,
        l2,
        scaling,
        labels,
        source,
        interactions,
        groupFeatures);
  }

  public TrainingConfig withL2(double penalty) {
    return new TrainingConfig(
        modelName,
        target,
        positiveValue,
        exclude,
        binning,
        selection,
        penalty,
        scaling,
        labels,
        clock,
        interactions,
        groupFeatures);
  }

  public TrainingConfig withInteractions(Interactions pairs) {
    return new TrainingConfig(
        modelName,
        target,
        positiveValue,
        exclude,
        binning,
        selection,
        l2,
        scaling,
        labels,
        clock,
        pairs,
        groupFeatures);
  }

  public TrainingConfig withGroupFeatures(boolean derive) {
    return new TrainingConfig(
        modelName,
        target,
        positiveValue,
        exclude,
        binning,
        selection,
        l2,
        scaling,
        labels,
        clock,
        interactions,
        derive);
  }
}
