package io.huaxiang.model.pipeline;

/** Steps of the training pipeline, reported to a {@link ProgressListener}. */
public enum Stage {
  PREPARING,
  BINNING,
  SELECTING,
  FITTING,
  SCALING,
  EVALUATING,
  DONE
}
