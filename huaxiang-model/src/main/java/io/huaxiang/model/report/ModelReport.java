package io.huaxiang.model.report;

import io.huaxiang.model.binning.WoeBin;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.metrics.Calibration;
import io.huaxiang.model.metrics.GainsTable;
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
import java.util.ArrayList;
import java.util.Arrays;
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
        .append(
            "body{font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;margin:24px;color:#222}table{border-collapse:collapse;"
                + "margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;"
                + "text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}"
                + ".grid{display:flex;flex-wrap:wrap;gap:16px}h2{border-bottom:2px solid #1f77b4}"
                + ".flag-STABLE{color:#2ca02c}.flag-WATCH{color:#e69500}.flag-SHIFTED{color:#d62728}")
        .append("</style></head><body>");
    sb.append("<h1>评分卡报告 / Scorecard report: ")
        .append(Svg.esc(model.info().name()))
        .append("</h1>");
    overview(sb, model);
    if (test != null) {
      charts(sb);
      gains(sb, test.gains());
    }
    stability(sb);
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

  private void charts(StringBuilder sb) {
    sb.append("<h2>区分能力 / Discrimination (").append(Svg.esc(test.sample())).append(")</h2>");
    sb.append("<div class='grid'><figure>")
        .append(roc())
        .append("<figcaption>ROC 曲线 / ROC curve")
        .append("</figcaption></figure><figure>")
        .append(ksCurve())
        .append("<figcaption>KS 曲线 / KS curve</figcaption></figure><figure>")
        .append(distribution())
        .append("<figcaption>分数分布 / Score distribution, good vs bad</figcaption></figure>")
        .append("<figure>")
        .append(calibration(test.calibration()))
        .append("<figcaption>校准 / Calibration (Brier ")
        .append(String.format(Locale.ROOT, "%.4f", test.calibration().brier()))
        .append(")</figcaption></figure></div>");
  }

  private String roc() {
    int[] order = orderDescending(test.pd());
    int[] y = test.labels();
    long pos = Arrays.stream(y).filter(v -> v == 1).count();
    long neg = y.length - pos;
    List<double[]> pts = new ArrayList<>();
    pts.add(new double[] {0, 0});
    long tp = 0;
    long fp = 0;
    int step = Math.max(1, order.length / 300);
    for (int i = 0; i < order.length; i++) {
      if (y[order[i]] == 1) {
        tp++;
      } else {
        fp++;
      }
      if (i % step == 0 || i == order.length - 1) {
        pts.add(new double[] {(double) fp / neg, (double) tp / pos});
      }
    }
    double[] fx = pts.stream().mapToDouble(p -> p[0]).toArray();
    double[] fy = pts.stream().mapToDouble(p -> p[1]).toArray();
    return Svg.lines(
        "false positive rate",
        "true positive rate",
        List.of(
            new Svg.Series(
                String.format(Locale.ROOT, "AUC %.4f", test.metrics().auc()), fx, fy, false),
            new Svg.Series("random", new double[] {0, 1}, new double[] {0, 1}, true)),
        0,
        1,
        0,
        1);
  }

  private String ksCurve() {
    double[] pts = test.points();
    int[] y = test.labels();
    int[] order = orderDescending(negate(pts));
    long pos = Arrays.stream(y).filter(v -> v == 1).count();
    long neg = y.length - pos;
    List<double[]> rows = new ArrayList<>();
    long bads = 0;
    long goods = 0;
    for (int i = 0; i < order.length; i++) {
      if (y[order[i]] == 1) {
        bads++;
      } else {
        goods++;
      }
      if (i == order.length - 1 || pts[order[i + 1]] != pts[order[i]]) {
        rows.add(new double[] {pts[order[i]], (double) bads / pos, (double) goods / neg});
      }
    }
    double[] x = rows.stream().mapToDouble(r -> r[0]).toArray();
    return Svg.lines(
        "points",
        "cumulative share",
        List.of(
            new Svg.Series("bad 坏", x, rows.stream().mapToDouble(r -> r[1]).toArray(), false),
            new Svg.Series("good 好", x, rows.stream().mapToDouble(r -> r[2]).toArray(), false)),
        x[0],
        x[x.length - 1],
        0,
        1);
  }

  private String distribution() {
    double[] pts = test.points();
    double lo = Arrays.stream(pts).min().orElse(0);
    double hi = Arrays.stream(pts).max().orElse(1);
    int bins = 20;
    double width = Math.max((hi - lo) / bins, 1e-9);
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = lo + i * width;
    }
    double[] good = new double[bins];
    double[] bad = new double[bins];
    long pos = Arrays.stream(test.labels()).filter(v -> v == 1).count();
    long neg = pts.length - pos;
    for (int i = 0; i < pts.length; i++) {
      int b = Math.min(bins - 1, (int) ((pts[i] - lo) / width));
      if (test.labels()[i] == 1) {
        bad[b] += 1.0 / pos;
      } else {
        good[b] += 1.0 / neg;
      }
    }
    return Svg.histograms("points", edges, good, bad, "good 好", "bad 坏");
  }

  private static String calibration(Calibration c) {
    double[] x = c.rows().stream().mapToDouble(Calibration.Row::meanPredicted).toArray();
    double[] y = c.rows().stream().mapToDouble(Calibration.Row::observedRate).toArray();
    double top = Math.max(Arrays.stream(x).max().orElse(1), Arrays.stream(y).max().orElse(1));
    return Svg.lines(
        "mean predicted PD",
        "observed event rate",
        List.of(
            new Svg.Series("deciles", x, y, false),
            new Svg.Series("perfect", new double[] {0, top}, new double[] {0, top}, true)),
        0,
        top,
        0,
        top);
  }

  private static void gains(StringBuilder sb, GainsTable g) {
    sb.append("<h2>提升表 / Gains and lift by decile (riskiest first)</h2><table><tr>")
        .append("<th>decile</th><th>rows</th><th>events</th><th>event rate</th>")
        .append("<th>cumulative events captured</th><th>lift</th><th>cumulative lift</th></tr>");
    for (GainsTable.Row r : g.rows()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%d</td><td>%d</td><td>%d</td><td>%.4f</td><td>%.3f</td><td>%.2f</td>"
                  + "<td>%.2f</td></tr>",
              r.group(),
              r.count(),
              r.events(),
              r.eventRate(),
              r.cumulativeEventShare(),
              r.lift(),
              r.cumulativeLift()));
    }
    sb.append("</table>");
  }

  private void stability(StringBuilder sb) {
    if (psi == null && csi.isEmpty()) {
      return;
    }
    sb.append("<h2>稳定性 / Stability (train → ")
        .append(Svg.esc(test == null ? "current" : test.sample()))
        .append(")</h2>");
    sb.append("<p>PSI/CSI &lt; 0.1 stable 稳定, 0.1–0.25 watch 关注, ≥ 0.25 shifted 显著偏移</p>");
    sb.append("<table><tr><th class='l'>what</th><th>index</th><th class='l'>flag</th></tr>");
    List<Stability> all = new ArrayList<>();
    if (psi != null) {
      all.add(psi);
    }
    all.addAll(csi);
    for (Stability s : all) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<tr><td class='l'>%s</td><td>%.4f</td><td class='l flag-%s'>%s</td></tr>",
              Svg.esc(s == psi ? "score PSI" : s.name() + " CSI"),
              s.index(),
              s.flag(),
              s.flag()));
    }
    sb.append("</table>");
    if (psi != null) {
      String[] labels = psi.rows().stream().map(Stability.Row::band).toArray(String[]::new);
      double[] contrib = psi.rows().stream().mapToDouble(Stability.Row::contribution).toArray();
      sb.append("<figure>")
          .append(Svg.bars("PSI contribution", labels, contrib, Svg.COLOURS[0]))
          .append("<figcaption>PSI 分箱贡献 / PSI contribution by score band</figcaption></figure>");
    }
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

  private static double[] negate(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = -v[i];
    }
    return out;
  }

  private static int[] orderDescending(double[] v) {
    return java.util.stream.IntStream.range(0, v.length)
        .boxed()
        .sorted((a, b) -> Double.compare(v[b], v[a]))
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
