package io.huaxiang.model.selection;

/**
 * Rules of feature selection, applied in order: IV, correlation, VIF, stepwise, WoE sign.
 *
 * @param minIv features with lower information value are dropped (0.02 = "useless" in the usual IV
 *     reading)
 * @param maxCorrelation of two features whose WoE correlates more strongly (absolute Pearson), the
 *     one with lower IV is dropped
 * @param maxVif features are dropped, highest first, until every variance inflation factor is at
 *     most this
 * @param stepwise search direction
 * @param criterion what decides a stepwise move
 * @param pEnter largest p-value to enter (P_VALUE criterion)
 * @param pStay largest p-value to stay (P_VALUE criterion)
 * @param maxFeatures most features in the final model
 */
public record SelectionConfig(
    double minIv,
    double maxCorrelation,
    double maxVif,
    StepwiseMode stepwise,
    Criterion criterion,
    double pEnter,
    double pStay,
    int maxFeatures) {

  /** IV >= 0.02, |r| <= 0.7, VIF <= 5, forward stepwise on AIC, at most 30 features. */
  public static SelectionConfig defaults() {
    return new SelectionConfig(0.02, 0.7, 5, StepwiseMode.FORWARD, Criterion.AIC, 0.05, 0.1, 30);
  }

  public SelectionConfig withStepwise(StepwiseMode mode, Criterion by) {
    return new SelectionConfig(minIv, maxCorrelation, maxVif, mode, by, pEnter, pStay, maxFeatures);
  }

  public SelectionConfig withFilters(double iv, double correlation, double vif) {
    return new SelectionConfig(
        iv, correlation, vif, stepwise, criterion, pEnter, pStay, maxFeatures);
  }
}
