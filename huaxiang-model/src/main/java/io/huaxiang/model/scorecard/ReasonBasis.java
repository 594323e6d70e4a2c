package io.huaxiang.model.scorecard;

/** What a feature's points are compared with when ranking reason codes. */
public enum ReasonBasis {
  /** The best points attainable for the feature (the usual adverse-action method). */
  BEST,
  /** The population-average points of the feature in training. */
  AVERAGE
}
