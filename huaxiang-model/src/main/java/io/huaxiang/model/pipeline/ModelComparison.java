package io.huaxiang.model.pipeline;

import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.metrics.ModelMetrics;
import io.huaxiang.model.scorecard.ScorecardModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Several scorecards evaluated on the same labelled sample, e.g. a champion and a challenger.
 *
 * @param sample name of the sample
 * @param rows one per model, in the order given
 */
public record ModelComparison(String sample, List<Row> rows) {

  /** One model's figures. */
  public record Row(String model, int features, ModelMetrics metrics) {}

  /** Evaluates each model on {@code data} (which must hold each model's target column). */
  public static ModelComparison of(List<ScorecardModel> models, Dataset data, String sample) {
    List<Row> rows = new ArrayList<>();
    for (ScorecardModel m : models) {
      Evaluation e = ScorecardPipeline.evaluate(m, data, sample);
      rows.add(new Row(m.info().name(), m.features().size(), e.metrics()));
    }
    return new ModelComparison(sample, List.copyOf(rows));
  }

  /** Returns the comparison as a Markdown table. */
  public String table() {
    StringBuilder sb =
        new StringBuilder(
            "| model | features | rows | events | AUC | Gini | KS | AUC (integer points) | Brier |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      ModelMetrics m = r.metrics();
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %.4f | %.4f | %.4f | %.4f | %.4f |%n",
              r.model(),
              r.features(),
              m.rows(),
              m.events(),
              m.auc(),
              m.gini(),
              m.ks(),
              m.pointsAuc(),
              m.brier()));
    }
    return sb.toString();
  }
}
