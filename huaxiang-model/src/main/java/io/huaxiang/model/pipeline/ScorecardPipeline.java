package io.huaxiang.model.pipeline;

import io.huaxiang.model.binning.Binner;
import io.huaxiang.model.binning.CrossFeature;
import io.huaxiang.model.binning.FeatureBinning;
import io.huaxiang.model.data.BinaryTarget;
import io.huaxiang.model.data.CategoricalColumn;
import io.huaxiang.model.data.Column;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.data.DatasetException;
import io.huaxiang.model.data.NumericColumn;
import io.huaxiang.model.derived.DerivedFeature;
import io.huaxiang.model.derived.FeatureGroups;
import io.huaxiang.model.metrics.Calibration;
import io.huaxiang.model.metrics.GainsTable;
import io.huaxiang.model.metrics.ModelMetrics;
import io.huaxiang.model.metrics.Stability;
import io.huaxiang.model.regression.LogisticFit;
import io.huaxiang.model.regression.LogisticRegression;
import io.huaxiang.model.scorecard.ModelInfo;
import io.huaxiang.model.scorecard.ScorecardFeature;
import io.huaxiang.model.scorecard.ScorecardModel;
import io.huaxiang.model.selection.FeatureSelector;
import io.huaxiang.model.selection.SelectionResult;
import io.huaxiang.model.selection.SelectionStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The automatic scorecard pipeline: bin every candidate feature, select, fit a logistic regression
 * on WoE, scale to points and evaluate. The same configuration serves every dataset.
 */
public final class ScorecardPipeline {
  /** Folds of the training rows used to validate groupings and choose the L2 penalty. */
  static final int VALIDATION_FOLDS = 5;

  static final long VALIDATION_SEED = 42;

  private ScorecardPipeline() {}

  /** Trains a scorecard on all rows of {@code data}. */
  public static TrainedScorecard train(
      Dataset data, TrainingConfig config, ProgressListener progress) {
    progress.onProgress(Stage.PREPARING, 0.0, "reading target '" + config.target() + "'");
    BinaryTarget target = BinaryTarget.of(data, config.target(), config.positiveValue());
    target.requireBothClasses();
    int[] y = target.labels();
    List<SelectionStep> preLog = new ArrayList<>();
    List<Column> candidates = candidates(data, config, preLog);
    if (candidates.isEmpty()) {
      throw new DatasetException(
          "no candidate features in " + data + " besides the target and excluded columns");
    }
    Map<String, DerivedFeature> derived = new LinkedHashMap<>();
    if (config.groupFeatures()) {
      List<Column> raw = List.copyOf(candidates);
      for (DerivedFeature d : new FeatureGroups(config.binning().freeShapeLevels()).propose(raw)) {
        if (!data.hasColumn(d.name())) {
          derived.put(d.name(), d);
          candidates.add(d.derive(data));
        }
      }
    }
    progress.onProgress(
        Stage.BINNING,
        0.05,
        "binning "
            + candidates.size()
            + " features (optimal, constrained; "
            + derived.size()
            + " derived from groups of like columns)");
    List<FeatureBinning> binnings = new Binner(config.binning()).fitAll(candidates, y);
    Map<String, Double> iv = new LinkedHashMap<>();
    Map<String, double[]> woe = new LinkedHashMap<>();
    Map<String, FeatureBinning> byName = new LinkedHashMap<>();
    for (int j = 0; j < binnings.size(); j++) {
      FeatureBinning b = binnings.get(j);
      iv.put(b.feature(), b.iv());
      woe.put(b.feature(), b.transform(candidates.get(j)));
      byName.put(b.feature(), b);
    }
    Map<String, CrossFeature> crosses =
        addInteractions(data, config, binnings, derived.keySet(), y, iv, woe, byName, progress);
    progress.onProgress(
        Stage.SELECTING, 0.35, "validating learned categorical groupings out of fold");
    CrossValidation cv = new CrossValidation(y, VALIDATION_FOLDS, VALIDATION_SEED);
    List<Column> learned = new ArrayList<>();
    for (Column c : candidates) {
      if (c instanceof CategoricalColumn) {
        learned.add(c);
      }
    }
    for (CrossFeature c : crosses.values()) {
      learned.add(c.derive(data));
    }
    // the IV of a grouping learned from event rates is measured on rows it did not see, so the IV
    // filter drops groupings that only memorised the training rows (fifty states by event rate)
    Map<String, Double> selectionIv = new LinkedHashMap<>(iv);
    for (Map.Entry<String, double[]> oof : cv.outOfFoldWoe(learned, config.binning()).entrySet()) {
      selectionIv.put(oof.getKey(), cv.informationValue(oof.getValue()));
    }
    progress.onProgress(Stage.SELECTING, 0.4, "selecting features (IV, correlation, VIF, AIC)");
    SelectionResult selected = new FeatureSelector(config.selection()).select(selectionIv, woe, y);
    if (selected.selected().isEmpty()) {
      throw new DatasetException(
          "no feature passed selection, so no scorecard can be built:\n" + selected.print());
    }
    List<SelectionStep> log = new ArrayList<>(preLog);
    log.addAll(selected.log());
    selected = new SelectionResult(selected.selected(), log);
    progress.onProgress(Stage.FITTING, 0.7, "choosing the L2 penalty by approximate leave-one-out");
    List<String> names = selected.selected();
    double[][] x = new double[names.size()][];
    for (int j = 0; j < x.length; j++) {
      x[j] = woe.get(names.get(j));
    }
    double l2 = config.l2();
    if (l2 < 0) {
      l2 = cv.chooseL2(names, x);
    }
    progress.onProgress(Stage.FITTING, 0.75, "fitting logistic regression on WoE, L2 = " + l2);
    LogisticFit fit = new LogisticRegression(l2).fit(names, x, y);
    progress.onProgress(Stage.SCALING, 0.8, "scaling to points");
    List<FeatureBinning> chosen = names.stream().map(byName::get).toList();
    ModelInfo info =
        new ModelInfo(
            config.modelName(),
            ModelInfo.FORMAT_VERSION,
            ModelInfo.LIBRARY_VERSION,
            config.clock().instant(),
            config.target(),
            config.positiveValue(),
            data.fingerprint().orElse(null),
            Map.of());
    ScorecardModel model =
        ScorecardModel.build(
            chosen,
            crosses,
            derived,
            fit.intercept(),
            fit.coefficients(),
            config.labels(),
            config.scaling(),
            info);
    progress.onProgress(Stage.EVALUATING, 0.9, "evaluating on the training rows");
    Evaluation train = evaluate(model, data, y, "train");
    model =
        model
            .withMetrics("train", train.metrics())
            .withScoreBaseline(
                io.huaxiang.model.scorecard.ScoreBaseline.of(
                    Arrays.stream(train.points()).mapToInt(p -> (int) p).toArray()))
            .withCurves(curves(train));
    progress.onProgress(Stage.DONE, 1.0, "done: " + names.size() + " features");
    return new TrainedScorecard(model, binnings, selected, fit, train);
  }

  /** The curves of an evaluation, to keep in the model file. */
  public static io.huaxiang.model.metrics.EvaluationCurves curves(Evaluation e) {
    return io.huaxiang.model.metrics.EvaluationCurves.of(
        e.sample(), e.pd(), e.points(), e.labels());
  }

  /**
   * Crosses every pair of the top features by IV (if the sample is large enough), bins the crosses
   * as categorical features and adds them to the candidate maps.
   */
  private static Map<String, CrossFeature> addInteractions(
      Dataset data,
      TrainingConfig config,
      List<FeatureBinning> binnings,
      Set<String> derived,
      int[] y,
      Map<String, Double> iv,
      Map<String, double[]> woe,
      Map<String, FeatureBinning> byName,
      ProgressListener progress) {
    Interactions rule = config.interactions();
    Map<String, CrossFeature> crosses = new LinkedHashMap<>();
    if (rule.topFeatures() < 2 || data.rowCount() < rule.minRows()) {
      return crosses;
    }
    List<FeatureBinning> top =
        binnings.stream()
            // crosses come from raw columns, which the applicant sends as they are
            .filter(b -> b.iv() >= config.selection().minIv() && !derived.contains(b.feature()))
            .sorted(java.util.Comparator.comparingDouble((FeatureBinning b) -> -b.iv()))
            .limit(rule.topFeatures())
            .toList();
    List<CrossFeature> pairs = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      for (int j = i + 1; j < top.size(); j++) {
        pairs.add(CrossFeature.of(top.get(i), top.get(j)));
      }
    }
    progress.onProgress(Stage.BINNING, 0.3, "binning " + pairs.size() + " interaction features");
    List<Column> columns = pairs.stream().map(p -> (Column) p.derive(data)).toList();
    List<FeatureBinning> crossBins = new Binner(config.binning()).fitAll(columns, y);
    for (int k = 0; k < pairs.size(); k++) {
      FeatureBinning b = crossBins.get(k);
      crosses.put(b.feature(), pairs.get(k));
      iv.put(b.feature(), b.iv());
      woe.put(b.feature(), b.transform(columns.get(k)));
      byName.put(b.feature(), b);
    }
    return crosses;
  }

  /** Evaluates a model on a labelled sample (the target column must be present). */
  public static Evaluation evaluate(ScorecardModel model, Dataset data, String sample) {
    BinaryTarget target =
        BinaryTarget.of(data, model.info().target(), model.info().positiveValue());
    return evaluate(model, data, target.labels(), sample);
  }

  private static Evaluation evaluate(
      ScorecardModel model, Dataset data, int[] labels, String sample) {
    double[] pd = model.probabilities(data);
    double[] points = Arrays.stream(model.points(data)).asDoubleStream().toArray();
    return new Evaluation(
        sample,
        ModelMetrics.of(pd, points, labels),
        GainsTable.of(pd, labels, 10),
        Calibration.of(pd, labels, 10),
        points,
        pd,
        labels);
  }

  /** Score PSI between a base and a current sample (bands at base deciles). */
  public static Stability scoreStability(ScorecardModel model, Dataset base, Dataset current) {
    double[] b = Arrays.stream(model.points(base)).asDoubleStream().toArray();
    double[] c = Arrays.stream(model.points(current)).asDoubleStream().toArray();
    return Stability.psi(b, c, 10);
  }

  /** CSI of every model feature between a base and a current sample, over the feature's bins. */
  public static List<Stability> featureStability(
      ScorecardModel model, Dataset base, Dataset current) {
    List<Stability> out = new ArrayList<>();
    for (ScorecardFeature f : model.features()) {
      int bins = f.binning().bins().size();
      String[] labels = new String[bins + 1];
      for (int i = 0; i < bins; i++) {
        labels[i] = f.binning().bins().get(i).label();
      }
      labels[bins] = "unseen";
      long[] bc = counts(f, f.column(base), bins);
      long[] cc = counts(f, f.column(current), bins);
      out.add(Stability.fromCounts(f.name(), labels, bc, cc));
    }
    return out;
  }

  private static long[] counts(ScorecardFeature f, Column column, int bins) {
    long[] counts = new long[bins + 1];
    for (int b : f.binning().assign(column)) {
      counts[b < 0 ? bins : b]++;
    }
    return counts;
  }

  /** Candidate feature columns: all but the target, excluded and identifier-like columns. */
  private static List<Column> candidates(
      Dataset data, TrainingConfig config, List<SelectionStep> log) {
    Set<String> skip = new HashSet<>(config.exclude());
    skip.add(config.target());
    List<Column> out = new ArrayList<>();
    for (Column c : data.columns()) {
      if (skip.contains(c.name())) {
        continue;
      }
      if (looksLikeIdentifier(c)) {
        log.add(
            new SelectionStep(
                c.name(),
                false,
                io.huaxiang.model.selection.SelectionReason.LOW_IV,
                "identifier-like: every value is a distinct integer"));
        continue;
      }
      out.add(c);
    }
    return out;
  }

  /**
   * A column whose values are all distinct integers is a row key (e.g. ID): binning it would only
   * learn the file's row order.
   */
  private static boolean looksLikeIdentifier(Column c) {
    if (!(c instanceof NumericColumn n) || n.size() < 100) {
      return false;
    }
    double[] v = n.values().clone();
    for (double d : v) {
      if (Double.isNaN(d) || d != Math.rint(d)) {
        return false;
      }
    }
    Arrays.sort(v);
    for (int i = 1; i < v.length; i++) {
      if (v[i] == v[i - 1]) {
        return false;
      }
    }
    return true;
  }
}
