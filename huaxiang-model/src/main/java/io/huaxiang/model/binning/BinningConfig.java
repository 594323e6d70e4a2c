package io.huaxiang.model.binning;

import java.util.Map;
import java.util.Set;

/**
 * Constraints and defaults of optimal binning.
 *
 * @param fineBins quantile bins cut before coarse classing (more gives the optimiser finer cut
 *     choices; each fine bin holds about {@code 1/fineBins} of the rows)
 * @param maxBins most coarse bins per feature, not counting missing and special bins
 * @param minBinShare least share of all rows in each coarse bin
 * @param minEvents least events and least non-events in each coarse bin
 * @param trend WoE shape along numeric values (categorical features are ordered by event rate)
 * @param shapeMargin relative IV gain a peak/valley shape needs over a monotonic one under {@link
 *     Monotonicity#AUTO}; protects against shapes that only fit noise
 * @param freeShapeLevels numeric features with at most this many distinct values are treated as
 *     codes (status codes, integer-coded categories) and binned without a shape constraint under
 *     {@link Monotonicity#AUTO}: their order often carries no monotone risk (e.g. -2/-1/0 payment
 *     status)
 * @param specialValues numeric codes that get their own bins (e.g. -999 for "no record")
 * @param overrides manual binnings by feature name, kept instead of the optimiser's
 */
public record BinningConfig(
    int fineBins,
    int maxBins,
    double minBinShare,
    int minEvents,
    Monotonicity trend,
    double shapeMargin,
    int freeShapeLevels,
    Set<Double> specialValues,
    Map<String, BinOverride> overrides) {

  public BinningConfig {
    if (fineBins < 2 || maxBins < 1 || minBinShare < 0 || minBinShare >= 1 || minEvents < 0) {
      throw new IllegalArgumentException(
          "binning needs fineBins >= 2, maxBins >= 1, 0 <= minBinShare < 1, minEvents >= 0");
    }
    specialValues = Set.copyOf(specialValues);
    overrides = Map.copyOf(overrides);
  }

  /**
   * 100 fine bins; at most 8 coarse bins of at least 3 % of rows with 5 events and 5 non-events
   * each; automatic shape, with numerics of at most 32 distinct values (codes, days of month) free
   * of shape constraints.
   */
  public static BinningConfig defaults() {
    return new BinningConfig(100, 8, 0.03, 5, Monotonicity.AUTO, 0.1, 32, Set.of(), Map.of());
  }

  public BinningConfig withSpecialValues(Set<Double> values) {
    return new BinningConfig(
        fineBins,
        maxBins,
        minBinShare,
        minEvents,
        trend,
        shapeMargin,
        freeShapeLevels,
        values,
        overrides);
  }

  public BinningConfig withOverrides(Map<String, BinOverride> manual) {
    return new BinningConfig(
        fineBins,
        maxBins,
        minBinShare,
        minEvents,
        trend,
        shapeMargin,
        freeShapeLevels,
        specialValues,
        manual);
  }

  public BinningConfig withShapeRules(double margin, int codeLevels) {
    return new BinningConfig(
        fineBins,
        maxBins,
        minBinShare,
        minEvents,
        trend,
        margin,
        codeLevels,
        specialValues,
        overrides);
  }

  public BinningConfig withTrend(Monotonicity shape) {
    return new BinningConfig(
        fineBins,
        maxBins,
        minBinShare,
        minEvents,
        shape,
        shapeMargin,
        freeShapeLevels,
        specialValues,
        overrides);
  }

  public BinningConfig withLimits(int maxCoarseBins, double minShare, int minEventsPerBin) {
    return new BinningConfig(
        fineBins,
        maxCoarseBins,
        minShare,
        minEventsPerBin,
        trend,
        shapeMargin,
        freeShapeLevels,
        specialValues,
        overrides);
  }
}
