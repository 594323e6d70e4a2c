package io.huaxiang.model.scorecard;

import io.huaxiang.model.data.DataFingerprint;
import io.huaxiang.model.metrics.EvaluationCurves;
import io.huaxiang.model.metrics.ModelMetrics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a model artifact says about itself: format and library versions, when and on what data it
 * was trained, and how well it did.
 *
 * @param name a model name chosen by the user
 * @param formatVersion version of the JSON artifact format
 * @param libraryVersion Huaxiang version that trained the model
 * @param trainedAt training time (passed in, never read from the wall inside the model)
 * @param target target column
 * @param positiveValue the target value counted as the event
 * @param fingerprint sha256 and row count of the training file
 * @param metrics figures by sample name, e.g. "train" and "test"
 * @param scoreBaseline the training score distribution for PSI monitoring, or null (older files)
 * @param curves ROC, score bands by good and bad, calibration of one labelled sample, or null
 *     (older files)
 */
public record ModelInfo(
    String name,
    int formatVersion,
    String libraryVersion,
    Instant trainedAt,
    String target,
    String positiveValue,
    DataFingerprint fingerprint,
    Map<String, ModelMetrics> metrics,
    ScoreBaseline scoreBaseline,
    EvaluationCurves curves) {

  /** Without evaluation curves. */
  public ModelInfo(
      String name,
      int formatVersion,
      String libraryVersion,
      Instant trainedAt,
      String target,
      String positiveValue,
      DataFingerprint fingerprint,
      Map<String, ModelMetrics> metrics,
      ScoreBaseline scoreBaseline) {
    this(
        name,
        formatVersion,
        libraryVersion,
        trainedAt,
        target,
        positiveValue,
        fingerprint,
        metrics,
        scoreBaseline,
        null);
  }

  /** Without a score baseline. */
  public ModelInfo(
      String name,
      int formatVersion,
      String libraryVersion,
      Instant trainedAt,
      String target,
      String positiveValue,
      DataFingerprint fingerprint,
      Map<String, ModelMetrics> metrics) {
    this(
        name,
        formatVersion,
        libraryVersion,
        trainedAt,
        target,
        positiveValue,
        fingerprint,
        metrics,
        null);
  }

  /** Returns a copy with the training score distribution. */
  public ModelInfo withScoreBaseline(ScoreBaseline baseline) {
    return new ModelInfo(
        name,
        formatVersion,
        libraryVersion,
        trainedAt,
        target,
        positiveValue,
        fingerprint,
        metrics,
        baseline,
        curves);
  }

  /** Returns a copy with the curves of an evaluation. */
  public ModelInfo withCurves(EvaluationCurves evaluation) {
    return new ModelInfo(
        name,
        formatVersion,
        libraryVersion,
        trainedAt,
        target,
        positiveValue,
        fingerprint,
        metrics,
        scoreBaseline,
        evaluation);
  }

  /** Current artifact format; bump on any change an older reader could not understand. */
  public static final int FORMAT_VERSION = 1;

  /** Version string written into artifacts. */
  public static final String LIBRARY_VERSION = "0.1.0";

  public ModelInfo {
    metrics = Map.copyOf(metrics);
  }

  /** Returns a copy with figures for one more sample. */
  public ModelInfo withMetrics(String sample, ModelMetrics figures) {
    Map<String, ModelMetrics> out = new LinkedHashMap<>(metrics);
    out.put(sample, figures);
    return new ModelInfo(
        name,
        formatVersion,
        libraryVersion,
        trainedAt,
        target,
        positiveValue,
        fingerprint,
        out,
        scoreBaseline,
        curves);
  }
}
