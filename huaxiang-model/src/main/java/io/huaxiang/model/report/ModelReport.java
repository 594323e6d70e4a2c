package io.huaxiang.model.report;

import io.huaxiang.model.binning.WoeBin;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.metrics.ModelMetrics;
import io.huaxiang.model.metrics.Stability;
import io.huaxiang.model.pipeline.Evaluation;
import io.huaxiang.model.pipeline.ScorecardPipeline;
import io.huaxiang.model.pipeline.TrainedScorecard;
import io.huaxiang.model.scorecard.ScorecardFeature;
import io.huaxiang.model.scorecard.ScorecardModel;
import io.huaxiang.model.selection.SelectionResult;
import io.huaxiang.model.selection.SelectionStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML report of one scorecard: headline figures, ROC, KS, score distributions,
 * calibration, stability, and the WoE and points of every bin. Charts are inline SVG drawn here;
 * the file loads nothing from the network.
 */
public final class ModelReport {
  private final ScorecardModel model;
  private final Evaluation base;
  private final Evaluation test;
  private final SelectionResult selection;
  private final Stability psi;
  private final List<Stability> csi;

  /**
   * A report of a freshly trained card.
   *
   * @param trained the training outcome
   * @param test evaluation on a hold-out sample (charts use it)
   * @param psi score stability between training and the hold-out sample, or null
   * @param csi feature stability per model feature, or an empty list
   */
  public ModelReport(
      TrainedScorecard trained, Evaluation test, Stability psi, List<Stability> csi) {
    this(trained.model(), trained.train(), test, trained.selection(), psi, csi);
  }

  /**
   * A report of any card on two labelled samples, e.g. a saved model on its development sample and
   * on this month's applications.
   *
   * @param selection the selection log to print, or null when not at hand
   */
  public ModelReport(
      ScorecardModel model,
      Evaluation base,
      Evaluation test,
      SelectionResult selection,
      Stability psi,
      List<Stability> csi) {
    this.model = model;
    this.base = base;
    this.test = test;
    this.selection = selection;
    this.psi = psi;
    this.csi = List.copyOf(csi);
  }

  /**
   * Evaluates a saved card on a base and a current labelled sample (both must hold the model's
   * target column) and reports on the current one, with PSI and CSI between them.
   */
  public static ModelReport of(ScorecardModel model, Dataset baseData, Dataset currentData) {
    return new ModelReport(
        model,
        ScorecardPipeline.evaluate(model, baseData, "base"),
        ScorecardPipeline.evaluate(model, currentData, "current"),
        null,
        ScorecardPipeline.scoreStability(model, baseData, currentData),
        ScorecardPipeline.featureStability(model, baseData, currentData));
  }

  /**
   * A report from the model file alone, as the registry serves it: the overview with the stored
   * metrics, the card's bins and points, and the given stability (e.g. of recently scored
   * applicants against the training distribution); no curves, since no labelled rows are at hand.
   *
   * @param psi score stability, or null
   * @param csi feature stability, possibly empty
   */
  public static ModelReport ofArtifact(ScorecardModel model, Stability psi, List<Stability> csi) {
    return new ModelReport(model, null, null, null, psi, csi);
  }

  /** Writes the report to a file. */
  public void write(Path file) {
    try {
      Files.writeString(file, html(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write report " + file + ": " + e.getMessage(), e);
    }
  }

  /** Returns the report as one HTML document. */
  public String html() {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'><title>")
        .append(Svg.esc(model.info().name()))
        .append(" – 评分卡报告 / Scorecard report</title><style>")
        .append(ReportSections.STYLE)
        .append("</style></head><body>");
    sb.append("<h1>评分卡报告 / Scorecard report: ")
        .append(Svg.esc(model.info().name()))
        .append("</h1>");
    overview(sb, model);
    if (test != null) {
      sb.append(ReportSections.discrimination(test));
      sb.append(ReportSections.gains(test.gains()));
    }
    sb.append(ReportSections.stability(psi, csi, test == null ? "current" : test.sample()));
    features(sb, model);
    selection(sb);
    sb.append("</body></html>");
    return sb.toString();
  }

  private void overview(StringBuilder sb, ScorecardModel model) {
    var info = model.info();
    sb.append("<h2>模型概览 / Model overview</h2><table>");
    row(sb, "目标 / Target", info.target() + " = " + info.positiveValue());
    row(sb, "训练时间 / Trained at", String.valueOf(info.trainedAt()));
    if (info.fingerprint() != null) {
      row(
          sb,
          "训练数据 / Training data",
          "sha256 " + info.fingerprint().sha256() + ", " + info.fingerprint().rows() + " rows");
    }
    row(
        sb,
        "刻度 / Scaling",
        String.format(
            Locale.ROOT,
            "%.0f points at good:bad odds %.0f:1, PDO %.0f; base points %d",
            model.scaling().baseScore(),
            model.scaling().baseOdds(),
            model.scaling().pdo(),
            model.basePoints()));
    row(sb, "特征数 / Features", String.valueOf(model.features().size()));
    row(sb, "格式版本 / Format", info.formatVersion() + " (library " + info.libraryVersion() + ")");
    sb.append("</table><table><tr><th class='l'>样本 / Sample</th><th>rows</th><th>events</th>")
        .append("<th>AUC</th><th>Gini</th><th>KS</th><th>KS at points</th>")
        .append("<th>AUC (integer points)</th><th>Brier</th></tr>");
    Map<String, ModelMetrics> figures = new java.util.LinkedHashMap<>();
    if (base == null || test == null) {
      figures.putAll(model.info().metrics()); // from the model file
    } else {
      figures.put(base.sample(), base.metrics());
      figures.put(test.sample(), test.metrics());
    }
    for (Map.Entry<String, ModelMetrics> e : figures.entrySet()) {
      ModelMetrics m = e.getValue();
      sb.append(
          String.format(
              Locale.ROOT,
              "<tr><td class='l'>%s</td><td>%d</td><td>%d</td><td>%.4f</td><td>%.4f</td>"
                  + "<td>%.4f</td><td>%.0f</td><td>%.4f</td><td>%.4f</td></tr>",
              Svg.esc(e.getKey()),
              m.rows(),
              m.events(),
              m.auc(),
              m.gini(),
              m.ks(),
              m.ksPoints(),
              m.pointsAuc(),
              m.brier()));
    }
    sb.append("</table>");
  }

  private static void features(StringBuilder sb, ScorecardModel model) {
    sb.append("<h2>特征分箱与分值 / Feature bins, WoE and points</h2>");
    sb.append(
            "<p>WoE = ln(bad share / good share): positive = riskier. Points = −factor × β × WoE.")
        .append(" 基础分 / Base points: ")
        .append(model.basePoints())
        .append("</p>");
    for (ScorecardFeature f : model.features()) {
      var b = f.binning();
      sb.append(
          String.format(
              Locale.ROOT,
              "<h3>%s / %s <small>(%s, β = %.4f, IV %.4f, Gini %.4f, KS %.4f, shape %s)</small></h3>",
              Svg.esc(f.label().zh()),
              Svg.esc(f.label().en()),
              Svg.esc(f.name()),
              f.coefficient(),
              b.iv(),
              b.gini(),
              b.ks(),
              b.shape().name().toLowerCase(Locale.ROOT)));
      String[] labels = b.bins().stream().map(WoeBin::label).toArray(String[]::new);
      double[] woe = b.bins().stream().mapToDouble(WoeBin::woe).toArray();
      sb.append("<div class='grid'><figure>")
          .append(Svg.bars("WoE", labels, woe, Svg.COLOURS[1]))
          .append("</figure><table><tr><th class='l'>bin 分箱</th><th>rows</th><th>share</th>")
          .append(
              "<th>events</th><th>event rate</th><th>WoE</th><th>IV</th><th>points 分值</th></tr>");
      for (int i = 0; i < b.bins().size(); i++) {
        WoeBin bin = b.bins().get(i);
        sb.append(
            String.format(
                Locale.ROOT,
                "<tr><td class='l'>%s</td><td>%d</td><td>%.3f</td><td>%d</td><td>%.4f</td>"
                    + "<td>%+.4f</td><td>%.4f</td><td>%d</td></tr>",
                Svg.esc(bin.label()),
                bin.count(),
                bin.share(),
                bin.events(),
                bin.eventRate(),
                bin.woe(),
                bin.iv(),
                f.points()[i]));
      }
      sb.append("</table></div>");
    }
  }

  private void selection(StringBuilder sb) {
    if (selection == null) {
      return;
    }
    sb.append("<h2>特征筛选记录 / Feature selection log</h2><table><tr><th class='l'>in/out</th>")
        .append(
            "<th class='l'>feature</th><th class='l'>reason</th><th class='l'>detail</th></tr>");
    for (SelectionStep s : selection.log()) {
      sb.append("<tr><td class='l'>")
          .append(s.included() ? "IN 入选" : "OUT 剔除")
          .append("</td><td class='l'>")
          .append(Svg.esc(s.feature()))
          .append("</td><td class='l'>")
          .append(s.reason())
          .append("</td><td class='l'>")
          .append(Svg.esc(s.detail()))
          .append("</td></tr>");
    }
    sb.append("</table>");
  }

  private static void row(StringBuilder sb, String key, String value) {
    sb.append("<tr><th class='l'>")
        .append(Svg.esc(key))
        .append("</th><td class='l'>")
        .append(Svg.esc(value))
        .append("</td></tr>");
  }
}
