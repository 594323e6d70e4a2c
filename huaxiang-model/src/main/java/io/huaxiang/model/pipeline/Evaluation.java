package io.huaxiang.model.pipeline;

import io.huaxiang.model.metrics.Calibration;
import io.huaxiang.model.metrics.GainsTable;
import io.huaxiang.model.metrics.ModelMetrics;

/**
 * A scorecard's performance on one sample, with the per-row outputs the report draws from.
 *
 * @param sample sample name, e.g. "train" or "test"
 * @param metrics headline figures
 * @param gains lift and gains by decile (riskiest first)
 * @param calibration predicted PD against observed rate by decile, and Brier score
 * @param points integer points per row
 * @param pd unrounded event probability per row
 * @param labels 0/1 outcome per row
 */
public record Evaluation(
    String sample,
    ModelMetrics metrics,
    GainsTable gains,
    Calibration calibration,
    double[] points,
    double[] pd,
    int[] labels) {}
