package io.huaxiang.model.scorecard;

import io.huaxiang.model.artifact.ArtifactCodec;
import io.huaxiang.model.binning.CrossFeature;
import io.huaxiang.model.binning.FeatureBinning;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.derived.DerivedFeature;
import io.huaxiang.model.metrics.ModelMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained points scorecard: base points plus integer points per bin of each feature, with the
 * unrounded model kept for probability estimates. Scores applicants and explains their scores.
 */
public final class ScorecardModel {
  /** Reason codes returned by {@link #score(Map)}. */
  public static final int DEFAULT_REASONS = 4;

  private final List<ScorecardFeature> features;
  private final double intercept;
  private final int basePoints;
  private final Scaling scaling;
  private final ModelInfo info;
  private final int[] maxPoints;
  // flat copies for the scoring hot path: no list or record indirection per feature
  private final String[] names;
  private final FeatureBinning[] binnings;
  private final int[][] binPoints;
  private final CrossFeature[] crosses;
  private final DerivedFeature[] derived;
  private final double[] averagePoints;

  public ScorecardModel(
      List<ScorecardFeature> features,
      double intercept,
      int basePoints,
      Scaling scaling,
      ModelInfo info) {
    this.features = List.copyOf(features);
    this.intercept = intercept;
    this.basePoints = basePoints;
    this.scaling = scaling;
    this.info = info;
    this.maxPoints = this.features.stream().mapToInt(ScorecardFeature::maxPoints).toArray();
    this.names = this.features.stream().map(ScorecardFeature::name).toArray(String[]::new);
    this.binnings =
        this.features.stream().map(ScorecardFeature::binning).toArray(FeatureBinning[]::new);
    this.binPoints = this.features.stream().map(ScorecardFeature::points).toArray(int[][]::new);
    this.crosses = this.features.stream().map(ScorecardFeature::cross).toArray(CrossFeature[]::new);
    this.derived =
        this.features.stream().map(ScorecardFeature::derived).toArray(DerivedFeature[]::new);
    this.averagePoints =
        this.features.stream().mapToDouble(ScorecardFeature::averagePoints).toArray();
  }

  /** Builds the card from fitted coefficients, rounding each bin's points to an integer. */
  public static ScorecardModel build(
      List<FeatureBinning> binnings,
      double intercept,
      double[] coefficients,
      Map<String, FeatureLabel> labels,
      Scaling scaling,
      ModelInfo info) {
    return build(binnings, Map.of(), intercept, coefficients, labels, scaling, info);
  }

  /** Builds the card; {@code crosses} names the features that are interactions. */
  public static ScorecardModel build(
      List<FeatureBinning> binnings,
      Map<String, CrossFeature> crosses,
      double intercept,
      double[] coefficients,
      Map<String, FeatureLabel> labels,
      Scaling scaling,
      ModelInfo info) {
    return build(binnings, crosses, Map.of(), intercept, coefficients, labels, scaling, info);
  }

  /**
   * Builds the card; {@code crosses} names the interaction features and {@code derived} the
   * features computed from raw columns.
   */
  public static ScorecardModel build(
      List<FeatureBinning> binnings,
      Map<String, CrossFeature> crosses,
      Map<String, DerivedFeature> derived,
      double intercept,
      double[] coefficients,
      Map<String, FeatureLabel> labels,
      Scaling scaling,
      ModelInfo info) {
    List<ScorecardFeature> out = new ArrayList<>();
    for (int j = 0; j < binnings.size(); j++) {
      var binning = binnings.get(j);
      int[] points = new int[binning.bins().size()];
      for (int b = 0; b < points.length; b++) {
        // points of a bin: -factor * beta * WoE; the intercept goes into the base points
        points[b] =
            (int) Math.round(-scaling.factor() * coefficients[j] * binning.bins().get(b).woe());
      }
      FeatureLabel label =
          labels.getOrDefault(binning.feature(), FeatureLabel.fromName(binning.feature()));
      out.add(
          new ScorecardFeature(
              binning,
              coefficients[j],
              points,
              label,
              crosses.get(binning.feature()),
              derived.get(binning.feature())));
    }
    int base = (int) Math.round(scaling.points(intercept));
    return new ScorecardModel(out, intercept, base, scaling, info);
  }

  public List<ScorecardFeature> features() {
    return features;
  }

  public double intercept() {
    return intercept;
  }

  public int basePoints() {
    return basePoints;
  }

  public Scaling scaling() {
    return scaling;
  }

  public ModelInfo info() {
    return info;
  }

  /** Returns a copy that carries the training score distribution (see {@link ScoreBaseline}). */
  public ScorecardModel withScoreBaseline(ScoreBaseline baseline) {
    return new ScorecardModel(
        features, intercept, basePoints, scaling, info.withScoreBaseline(baseline));
  }

  /** Returns a copy that carries the curves of an evaluation (see {@link ModelInfo#curves}). */
  public ScorecardModel withCurves(io.huaxiang.model.metrics.EvaluationCurves curves) {
    return new ScorecardModel(features, intercept, basePoints, scaling, info.withCurves(curves));
  }

  public ScorecardModel withMetrics(String sample, ModelMetrics metrics) {
    return new ScorecardModel(
        features, intercept, basePoints, scaling, info.withMetrics(sample, metrics));
  }

  /** Scores one applicant (feature name to number, text or null) with the default reasons. */
  public ScoreResult score(Map<String, ?> applicant) {
    return score(applicant, DEFAULT_REASONS, ReasonBasis.BEST);
  }

  /**
   * Scores one applicant and explains the score with the {@code reasons} features that cost the
   * most points against {@code basis}. Absent features count as missing values.
   */
  public ScoreResult score(Map<String, ?> applicant, int reasons, ReasonBasis basis) {
    int total = basePoints;
    int k = features.size();
    Map<String, Integer> byFeature = new LinkedHashMap<>();
    byFeature.put("(base)", basePoints);
    int[] bins = new int[k];
    int[] points = new int[k];
    int[] shortfall = new int[k];
    for (int j = 0; j < k; j++) {
      ScorecardFeature f = features.get(j);
      bins[j] = f.binning().binOfValue(f.input(applicant));
      points[j] = f.pointsOf(bins[j]);
      total += points[j];
      byFeature.put(f.name(), points[j]);
      double reference = basis == ReasonBasis.BEST ? maxPoints[j] : averagePoints[j];
      shortfall[j] = (int) Math.round(reference - points[j]);
    }
    // texts are built for the top reasons only: formatting every feature would dominate the cost
    Integer[] order = new Integer[k];
    for (int j = 0; j < k; j++) {
      order[j] = j;
    }
    java.util.Arrays.sort(
        order,
        (a, b) ->
            shortfall[a] != shortfall[b]
                ? Integer.compare(shortfall[b], shortfall[a])
                : features.get(a).name().compareTo(features.get(b).name()));
    List<ReasonCode> top = new ArrayList<>();
    for (int r = 0; r < k && top.size() < reasons && shortfall[order[r]] > 0; r++) {
      int j = order[r];
      ScorecardFeature f = features.get(j);
      top.add(
          reason(
              top.size() + 1,
              f,
              f.binning().label(bins[j]),
              points[j],
              maxPoints[j],
              shortfall[j]));
    }
    return new ScoreResult(total, scaling.pd(total), List.copyOf(top), byFeature);
  }

  private static ReasonCode reason(
      int rank, ScorecardFeature f, String bin, int pts, int max, int shortfall) {
    String zh = f.label().zh() + "（" + bin + "）使评分降低 " + shortfall + " 分";
    String en = f.label().en() + " (" + bin + ") lowered the score by " + shortfall + " points";
    return new ReasonCode(rank, f.name(), bin, pts, max, shortfall, zh, en);
  }

  /** Integer points of one applicant, without reasons (the fast path). */
  public int points(Map<String, ?> applicant) {
    int total = basePoints;
    for (int j = 0; j < names.length; j++) {
      Object value;
      if (derived[j] != null) {
        value = derived[j].valueOf(applicant);
      } else {
        value = crosses[j] == null ? applicant.get(names[j]) : crosses[j].labelOf(applicant);
      }
      int bin = binnings[j].binOfValue(value);
      if (bin >= 0) {
        total += binPoints[j][bin];
      }
    }
    return total;
  }

  /** Integer points of every row; columns are matched by feature name. */
  public int[] points(Dataset data) {
    int[] total = new int[data.rowCount()];
    java.util.Arrays.fill(total, basePoints);
    for (ScorecardFeature f : features) {
      int[] bins = f.binning().assign(f.column(data));
      for (int i = 0; i < total.length; i++) {
        total[i] += f.pointsOf(bins[i]);
      }
    }
    return total;
  }

  /** Unrounded probability of the event for every row, from the fitted coefficients. */
  public double[] probabilities(Dataset data) {
    double[] eta = new double[data.rowCount()];
    java.util.Arrays.fill(eta, intercept);
    for (ScorecardFeature f : features) {
      int[] bins = f.binning().assign(f.column(data));
      for (int i = 0; i < eta.length; i++) {
        eta[i] += f.coefficient() * f.binning().woe(bins[i]);
      }
    }
    for (int i = 0; i < eta.length; i++) {
      eta[i] = 1 / (1 + Math.exp(-eta[i]));
    }
    return eta;
  }

  /** Writes the model as a versioned JSON artifact. */
  public void save(Path file) {
    ArtifactCodec.write(this, file);
  }

  /** Reads a model saved by {@link #save(Path)} (any format version this library knows). */
  public static ScorecardModel load(Path file) {
    return ArtifactCodec.read(file);
  }

  /** Returns the points table as text: one line per bin. */
  public String pointsTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-40s %-40s %8s%n", "feature", "bin", "points"));
    sb.append(String.format("%-40s %-40s %8d%n", "(base)", "", basePoints));
    for (ScorecardFeature f : features) {
      for (int b = 0; b < f.points().length; b++) {
        sb.append(
            String.format(
                "%-40s %-40s %8d%n", f.name(), f.binning().bins().get(b).label(), f.points()[b]));
      }
    }
    return sb.toString();
  }
}
