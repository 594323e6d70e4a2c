package io.huaxiang.model.metrics;

/** Reading of a PSI/CSI value with the industry rule of thumb (0.1 and 0.25). */
public enum StabilityFlag {
  /** Below 0.1: no meaningful shift. */
  STABLE,
  /** 0.1 to 0.25: a shift worth watching. */
  WATCH,
  /** 0.25 or more: the population has shifted; review or rebuild the model. */
  SHIFTED;

  public static StabilityFlag of(double index) {
    if (index < 0.1) {
      return STABLE;
    }
    return index < 0.25 ? WATCH : SHIFTED;
  }
}
