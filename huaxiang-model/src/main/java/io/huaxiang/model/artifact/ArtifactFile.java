package io.huaxiang.model.artifact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.huaxiang.model.metrics.ModelMetrics;
import java.util.List;
import java.util.Map;

/**
 * The JSON layout of a scorecard artifact, format version 1. Kept apart from the in-memory model so
 * the file format changes only on purpose.
 */
@JsonPropertyOrder({"format", "formatVersion", "libraryVersion", "name", "trainedAt"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record ArtifactFile(
    String format,
    int formatVersion,
    String libraryVersion,
    String name,
    String trainedAt,
    Target target,
    TrainingData trainingData,
    ScalingDto scaling,
    double intercept,
    int basePoints,
    List<String> featureOrder,
    List<FeatureDto> features,
    Map<String, ModelMetrics> metrics,
    BaselineDto scoreBaseline,
    CurvesDto curves) {

  /**
   * Evaluation curves of one labelled sample (absent in old files): ROC points, score bands with
   * goods and bads, calibration rows (count, mean predicted PD, observed rate), as parallel arrays.
   */
  record CurvesDto(
      String sample,
      double[] rocFpr,
      double[] rocTpr,
      double[] bandFrom,
      double[] bandTo,
      long[] goods,
      long[] bads,
      int[] calibrationCount,
      double[] calibrationPredicted,
      double[] calibrationObserved) {}

  /** Training score distribution: band edges and training rows per band (absent in old files). */
  record BaselineDto(double[] cuts, long[] counts) {}

  static final String FORMAT = "huaxiang-scorecard";

  record Target(String column, String positiveValue) {}

  record TrainingData(String sha256, int rows) {}

  record ScalingDto(double baseScore, double baseOdds, double pdo, double factor, double offset) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FeatureDto(
      String name,
      String type,
      String shape,
      boolean manualBins,
      double coefficient,
      String labelZh,
      String labelEn,
      double iv,
      double gini,
      double ks,
      List<BinDto> bins,
      CrossDto cross,
      DerivedDto derived) {}

  /**
   * How a derived feature is computed from raw columns (absent for raw features): {@code kind}
   * "aggregate" (with {@code aggregate} mean/max/min/trend/count_positive over {@code inputs}) or
   * "ratio" (sum of {@code numerator} over sum of {@code denominator}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DerivedDto(
      String kind,
      String aggregate,
      List<String> inputs,
      List<String> numerator,
      List<String> denominator) {}

  /** The two source binnings of an interaction feature (absent for plain features). */
  record CrossDto(SourceDto first, SourceDto second) {}

  /** A source feature of an interaction: its name, type and bins (points unused, 0). */
  record SourceDto(String name, String type, List<BinDto> bins) {}

  /** One bin; {@code lower}/{@code upper} null mean unbounded. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record BinDto(
      String kind,
      Double lower,
      Double upper,
      List<String> categories,
      Double value,
      long count,
      long events,
      double share,
      double eventRate,
      double woe,
      double iv,
      int points) {}
}
