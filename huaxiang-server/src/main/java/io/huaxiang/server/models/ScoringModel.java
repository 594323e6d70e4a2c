package io.huaxiang.server.models;

import io.huaxiang.gbdt.GbdtModel;
import io.huaxiang.model.scorecard.ScoreResult;
import io.huaxiang.model.scorecard.ScorecardFeature;
import io.huaxiang.model.scorecard.ScorecardModel;
import java.util.LinkedHashMap;
import java.util.Map;

/** A registered model ready to score: a points scorecard or a GBDT challenger. */
sealed interface ScoringModel permits ScoringModel.Card, ScoringModel.Gbdt {

  /** Reason codes returned per applicant. */
  int REASONS = 4;

  /** Points, PD and reason codes of one applicant (feature name to value). */
  ScoreResult score(Map<String, Object> applicant);

  /**
   * The bin of every feature for stability monitoring ({@code {"feature": bin}}), or null when the
   * model has no bins.
   */
  Map<String, Integer> bins(Map<String, Object> applicant);

  /** A scorecard: bins, points and reasons against the best attainable points. */
  record Card(ScorecardModel model) implements ScoringModel {
    @Override
    public ScoreResult score(Map<String, Object> applicant) {
      return model.score(applicant);
    }

    @Override
    public Map<String, Integer> bins(Map<String, Object> applicant) {
      Map<String, Integer> out = new LinkedHashMap<>();
      for (ScorecardFeature f : model.features()) {
        out.put(f.name(), f.binning().binOfValue(f.input(applicant)));
      }
      return out;
    }
  }

  /** A GBDT challenger: reasons from SHAP contributions, the same record shape. */
  record Gbdt(GbdtModel model) implements ScoringModel {
    @Override
    public ScoreResult score(Map<String, Object> applicant) {
      return model.score(applicant, REASONS);
    }

    @Override
    public Map<String, Integer> bins(Map<String, Object> applicant) {
      return null;
    }
  }
}
