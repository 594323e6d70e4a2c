package io.huaxiang.model.binning;

/** Weight-of-evidence and information-value formulas shared by the binner and its checks. */
public final class WoeMath {
  private WoeMath() {}

  /**
   * Pseudo-count added to both classes of a bin. A bin with no events (or no non-events) would get
   * an infinite WoE and break the regression and the points; adding 0.5 (the Haldane-Anscombe
   * correction) keeps it finite and pulls tiny bins towards the average, while changing large bins
   * by a negligible amount.
   */
  public static final double SMOOTHING = 0.5;

  /**
   * WoE of a bin: {@code ln(((events + a) / totalEvents) / ((nonEvents + a) / totalNonEvents))}.
   */
  public static double woe(double events, double nonEvents, double totalEvents, double totalNon) {
    return Math.log(((events + SMOOTHING) / totalEvents) / ((nonEvents + SMOOTHING) / totalNon));
  }

  /** IV contribution of a bin: {@code (eventShare - nonEventShare) * WoE}. */
  public static double iv(double events, double nonEvents, double totalEvents, double totalNon) {
    double de = (events + SMOOTHING) / totalEvents;
    double dg = (nonEvents + SMOOTHING) / totalNon;
    return (de - dg) * Math.log(de / dg);
  }
}
