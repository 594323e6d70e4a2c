package io.huaxiang.server.models;

import io.huaxiang.gbdt.GbdtFeature;
import io.huaxiang.gbdt.GbdtModel;
import io.huaxiang.model.metrics.ModelMetrics;
import io.huaxiang.store.RegisteredModel;
import java.util.Locale;
import java.util.Map;

/** The registry's HTML page of a GBDT challenger: provenance, stored metrics and its features. */
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
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>")
        .append(esc(title))
        .append(" – GBDT 模型报告 / GBDT model report</title><style>")
        .append(
            "body{font-family:sans-serif;margin:24px}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}")
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
    sb.append("</table><h2>特征 / Features</h2><table><tr><th>feature</th><th>type</th></tr>");
    for (GbdtFeature f : model.features()) {
      sb.append("<tr><td>")
          .append(esc(f.name()))
          .append("</td><td>")
          .append(f.type().name().toLowerCase(Locale.ROOT))
          .append("</td></tr>");
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
