package io.huaxiang.model.scorecard;

import java.util.List;
import java.util.Map;

/**
 * The score of one applicant.
 *
 * @param points total integer points (higher = safer)
 * @param pd probability of the event implied by the points
 * @param reasons the features that lowered the score most, worst first
 * @param pointsByFeature points per model feature (the base points under "(base)")
 */
public record ScoreResult(
    int points, double pd, List<ReasonCode> reasons, Map<String, Integer> pointsByFeature) {}
