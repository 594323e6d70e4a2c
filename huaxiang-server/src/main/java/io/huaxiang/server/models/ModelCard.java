package io.huaxiang.server.models;

import io.huaxiang.gbdt.GbdtModel;
import io.huaxiang.model.binning.WoeBin;
import io.huaxiang.model.metrics.EvaluationCurves;
import io.huaxiang.model.metrics.ModelMetrics;
import io.huaxiang.model.scorecard.ScoreBaseline;
import io.huaxiang.model.scorecard.ScorecardFeature;
import io.huaxiang.model.scorecard.ScorecardModel;
import io.huaxiang.store.RegisteredModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the console's models page draws for one registered model, as data rather than HTML: its
 * registry entry, the metrics stored with it, every feature's bins (training count, bad rate, WoE,
 * points) and the training score distribution. Read from the model file alone: no labelled rows are
 * needed, so the figures are exactly those of training.
 *
 * @param model the registry entry (status, who registered and who approved)
 * @param target the target column and the value counted as bad
 * @param metrics stored figures by sample name ("train", "test", ...)
 * @param basePoints points every applicant starts from (scorecards)
 * @param features the model's features in card order
 * @param scoreBaseline training score bands and counts, null for older files and GBDT models
 * @param curves ROC, score bands by good and bad and calibration of one labelled sample (the
 *     hold-out sample when training had one), null for older files and GBDT models
 */
record ModelCard(
    RegisteredModel model,
    String target,
    String positiveValue,
    Map<String, ModelMetrics> metrics,
    Integer basePoints,
    List<Feature> features,
    ScoreBaseline scoreBaseline,
    EvaluationCurves curves) {

  /**
   * One feature: its labels, information value and bins (empty for a GBDT model).
   *
   * @param iv the feature's information value on the training sample (NaN for GBDT)
   */
  record Feature(String name, String labelZh, String labelEn, Double iv, List<Bin> bins) {}

  /** One bin of a feature as trained: {@code eventRate} is the bad rate. */
  record Bin(String label, long count, long events, double eventRate, double woe, int points) {}

  static ModelCard of(RegisteredModel row, ScorecardModel card) {
    List<Feature> features = new ArrayList<>();
    for (ScorecardFeature f : card.features()) {
      List<Bin> bins = new ArrayList<>();
      List<WoeBin> trained = f.binning().bins();
      for (int b = 0; b < trained.size(); b++) {
        WoeBin w = trained.get(b);
        bins.add(new Bin(w.label(), w.count(), w.events(), w.eventRate(), w.woe(), f.pointsOf(b)));
      }
      features.add(
          new Feature(
              f.name(), f.label().zh(), f.label().en(), f.binning().iv(), List.copyOf(bins)));
    }
    return new ModelCard(
        row,
        card.info().target(),
        card.info().positiveValue(),
        card.info().metrics(),
        card.basePoints(),
        List.copyOf(features),
        card.info().scoreBaseline(),
        card.info().curves());
  }

  static ModelCard of(RegisteredModel row, GbdtModel gbdt, Map<String, ModelMetrics> metrics) {
    List<Feature> features =
        gbdt.features().stream()
            .map(f -> new Feature(f.name(), null, null, null, List.of()))
            .toList();
    return new ModelCard(
        row, gbdt.target(), gbdt.positiveValue(), metrics, null, features, null, null);
  }
}
