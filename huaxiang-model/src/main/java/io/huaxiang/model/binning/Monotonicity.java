package io.huaxiang.model.binning;

/** The shape the WoE (risk) of a feature's bins must follow along the feature's value order. */
public enum Monotonicity {
  /** Risk rises with the value. */
  ASCENDING,
  /** Risk falls with the value. */
  DESCENDING,
  /**
   * Picks ascending or descending by IV, and a peak or valley only if it beats both by a clear
   * margin (see {@link BinningConfig#shapeMargin()}).
   */
  AUTO,
  /** Risk rises then falls (one maximum). */
  PEAK,
  /** Risk falls then rises (one minimum). */
  VALLEY,
  /** No shape constraint. */
  NONE
}
