package io.huaxiang.server.models;

import io.huaxiang.gbdt.GbdtDiagnostics;
import io.huaxiang.gbdt.GbdtFeature;
import io.huaxiang.gbdt.GbdtModel;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.metrics.ModelMetrics;
import io.huaxiang.model.metrics.Stability;
import io.huaxiang.model.pipeline.Evaluation;
import io.huaxiang.model.report.ReportSections;
import io.huaxiang.store.RegisteredModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML page of a GBDT challenger: provenance, stored metrics and its features; on labelled data
 * (CLI {@code model train --split}, {@code model report}) also ROC, KS, score distribution,
 * calibration, gains, score PSI / feature CSI and mean |SHAP| per feature, as a scorecard's report.
 */
public final class GbdtReportPage {
  private GbdtReportPage() {}

  /** The page of a registered model, with the metrics stored in its artifact. */
  static String html(RegisteredModel row, GbdtModel model, String artifactJson) {
    return html(
        row.name() + " v" + row.version(),
        row.status().wire() + ", registered by " + row.createdBy() + " at " + row.createdAt(),
        model,
        GbdtModel.artifactMetrics(artifactJson));
  }

  /**
   * The page of any GBDT model.
   *
   * @param title model name (and version)
   * @param provenance status and registration, or where the file came from
   * @param metrics evaluation figures by sample
   */
  public static String html(
      String title, String provenance, GbdtModel model, Map<String, ModelMetrics> metrics) {
    return html(title, provenance, model, metrics, null);
  }

  /**
   * What a report on labelled data adds to the stored figures: the charts of one sample, stability
   * between the base and that sample, and mean |SHAP| per feature.
   *
   * @param sample the evaluation the charts draw (usually the current or test sample)
   * @param psi score stability base → sample, or null
   * @param csi feature stability base → sample, possibly empty
   * @param meanAbsShap mean |SHAP| (log-odds) per model feature, in feature order, over the base
   */
  public record Diagnostics(
      Evaluation sample, Stability psi, List<Stability> csi, double[] meanAbsShap) {

    /** Evaluates the model on both samples and compares them. */
    public static Diagnostics of(GbdtModel model, Dataset base, Dataset current, String name) {
      Evaluation b = GbdtDiagnostics.evaluate(model, base, "base");
      Evaluation c = GbdtDiagnostics.evaluate(model, current, name);
      return new Diagnostics(
          c,
          GbdtDiagnostics.scoreStability(b, c),
          GbdtDiagnostics.featureStability(model, base, current),
          GbdtDiagnostics.meanAbsoluteShap(model, base));
    }
  }

  /** The page of any GBDT model, with charts and stability when {@code diagnostics} is given. */
  public static String html(
      String title,
      String provenance,
      GbdtModel model,
      Map<String, ModelMetrics> metrics,
      Diagnostics diagnostics) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>")
        .append(esc(title))
        .append(" – GBDT 模型报告 / GBDT model report</title><style>")
        .append(ReportSections.STYLE)
        .append("</style></head><body><h1>GBDT 模型报告 / GBDT model report: ")
        .append(esc(title))
        .append("</h1><h2>模型概览 / Model overview</h2><table>");
    row(sb, "来源 / Provenance", provenance);
    row(sb, "目标 / Target", model.target() + " = " + model.positiveValue());
    row(sb, "树的数量 / Trees", String.valueOf(model.trees()));
    row(
        sb,
        "刻度 / Scaling",
        "600 points at good:bad odds 50:1, 50 points to double the odds; reasons from SHAP");
    sb.append("</table><h2>指标 / Metrics</h2><table><tr><th>sample</th><th>rows</th>")
        .append("<th>events</th><th>AUC</th><th>Gini</th><th>KS</th><th>Brier</th></tr>");
    for (Map.Entry<String, ModelMetrics> e : metrics.entrySet()) {
      ModelMetrics m = e.getValue();
      sb.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%s</td><td>%d</td><td>%d</td><td>%.4f</td><td>%.4f</td><td>%.4f</td>"
                  + "<td>%.4f</td></tr>",
              esc(e.getKey()),
              m.rows(),
              m.events(),
              m.auc(),
              m.gini(),
              m.ks(),
              m.brier()));
    }
    sb.append("</table>");
    if (diagnostics != null) {
      sb.append(ReportSections.discrimination(diagnostics.sample()))
          .append(ReportSections.gains(diagnostics.sample().gains()))
          .append(
              ReportSections.stability(
                  diagnostics.psi(), diagnostics.csi(), diagnostics.sample().sample()));
    }
    double[] shap = diagnostics == null ? null : diagnostics.meanAbsShap();
    sb.append("<h2>特征 / Features</h2>");
    if (shap != null) {
      sb.append(
          ReportSections.ranking(
              "特征重要性：平均 |SHAP| / Feature importance: mean |SHAP| (log-odds, base sample)",
              "mean |SHAP|",
              model.features().stream().map(GbdtFeature::name).toArray(String[]::new),
              shap));
    }
    sb.append("<table><tr><th class='l'>feature</th><th class='l'>type</th>")
        .append(shap == null ? "" : "<th>mean |SHAP|</th>")
        .append("</tr>");
    for (int j = 0; j < model.features().size(); j++) {
      GbdtFeature f = model.features().get(j);
      sb.append("<tr><td class='l'>")
          .append(esc(f.name()))
          .append("</td><td class='l'>")
          .append(f.type().name().toLowerCase(Locale.ROOT))
          .append("</td>")
          .append(shap == null ? "" : String.format(Locale.ROOT, "<td>%.4f</td>", shap[j]))
          .append("</tr>");
    }
    sb.append("</table></body></html>");
    return sb.toString();
  }

  private static void row(StringBuilder sb, String key, String value) {
    sb.append("<tr><th>").append(key).append("</th><td>").append(esc(value)).append("</td></tr>");
  }

  private static String esc(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
  }
}
