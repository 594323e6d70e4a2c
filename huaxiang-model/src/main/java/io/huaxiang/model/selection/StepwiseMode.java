package io.huaxiang.model.selection;

/** Direction of the stepwise search after the IV, correlation and VIF filters. */
public enum StepwiseMode {
  /** Keep every feature that passed the filters. */
  NONE,
  /** Start empty, add the feature with the best score test while the criterion improves. */
  FORWARD,
  /** Start with all, remove the weakest feature while the criterion improves. */
  BACKWARD,
  /** Forward steps, each followed by a backward check of the features already in. */
  BOTH
}
