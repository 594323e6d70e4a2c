package io.huaxiang.model.scorecard;

/**
 * Why an applicant's score is lower than it could be: one feature's shortfall of points.
 *
 * @param rank 1 for the feature that cost the most points
 * @param feature feature identifier
 * @param bin label of the applicant's bin
 * @param points points the applicant got for this feature
 * @param maxPoints best points attainable for this feature
 * @param shortfall {@code maxPoints - points} (or versus the population average)
 * @param textZh reason text in Simplified Chinese
 * @param textEn reason text in English
 */
public record ReasonCode(
    int rank,
    String feature,
    String bin,
    int points,
    int maxPoints,
    int shortfall,
    String textZh,
    String textEn) {}
