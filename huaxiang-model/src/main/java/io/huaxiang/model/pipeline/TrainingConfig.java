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
 * @param l2 L2 penalty of the final logistic regression (0 = plain maximum likelihood)
 * @param scaling points scaling
 * @param labels display names of features for reason codes and reports
 * @param clock source of the training timestamp written into the artifact
 * @param interactions which pairwise interaction features are offered to selection
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
    Interactions interactions) {

  /**
   * A weak ridge penalty for the final fit: negligible on tens of thousands of rows, but it keeps
   * coefficients of small samples (a few hundred rows) from over-reacting.
   */
  public static final double DEFAULT_L2 = 1.0;

  public TrainingConfig {
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
        Interactions.defaults());
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
        interactions);
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
        interactions);
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
        interactions);
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
        interactions);
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
        interactions);
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
        interactions);
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
        interactions);
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
        interactions);
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
        pairs);
  }
}
