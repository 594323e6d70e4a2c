package io.huaxiang.model.report;

import io.huaxiang.model.metrics.Calibration;
import io.huaxiang.model.metrics.GainsTable;
import io.huaxiang.model.metrics.Stability;
import io.huaxiang.model.pipeline.Evaluation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Report sections any binary credit model shares, whatever its kind (scorecard or GBDT): charts of
 * one labelled sample, gains, stability and a ranked bar chart. Bilingual headings; inline SVG
 * only.
 */
public final class ReportSections {
  /** The report style sheet (CJK fonts first, flag colours). */
  public static final String STYLE =
      "body{font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;margin:24px;color:#222}table{border-collapse:collapse;"
          + "margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;"
          + "text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}"
          + ".grid{display:flex;flex-wrap:wrap;gap:16px}h2{border-bottom:2px solid #1f77b4}"
          + ".flag-STABLE{color:#2ca02c}.flag-WATCH{color:#e69500}.flag-SHIFTED{color:#d62728}";

  private ReportSections() {}

  /** A horizontal ranking as a bar chart, e.g. mean |SHAP| per feature, largest first. */
  public static String ranking(String title, String valueLabel, String[] names, double[] values) {
    Integer[] order = new Integer[names.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
    String[] n = new String[order.length];
    double[] v = new double[order.length];
    for (int i = 0; i < order.length; i++) {
      n[i] = names[order[i]];
      v[i] = values[order[i]];
    }
    return "<figure>"
        + Svg.bars(valueLabel, n, v, Svg.COLOURS[0])
        + "<figcaption>"
        + Svg.esc(title)
        + "</figcaption></figure>";
  }

  /** ROC, KS curve, score distribution good vs bad and calibration of one sample. */
  public static String discrimination(Evaluation test) {
    StringBuilder sb = new StringBuilder();
    sb.append("<h2>区分能力 / Discrimination (").append(Svg.esc(test.sample())).append(")</h2>");
    sb.append("<div class='grid'><figure>")
        .append(roc(test))
        .append("<figcaption>ROC 曲线 / ROC curve")
        .append("</figcaption></figure><figure>")
        .append(ksCurve(test))
        .append("<figcaption>KS 曲线 / KS curve</figcaption></figure><figure>")
        .append(distribution(test))
        .append("<figcaption>分数分布 / Score distribution, good vs bad</figcaption></figure>")
        .append("<figure>")
        .append(calibration(test.calibration()))
        .append("<figcaption>校准 / Calibration (Brier ")
        .append(String.format(Locale.ROOT, "%.4f", test.calibration().brier()))
        .append(")</figcaption></figure></div>");
    return sb.toString();
  }

  private static String roc(Evaluation test) {
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

  private static String ksCurve(Evaluation test) {
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

  private static String distribution(Evaluation test) {
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

  /** The gains and lift table by decile. */
  public static String gains(GainsTable g) {
    StringBuilder sb = new StringBuilder();
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
    return sb.toString();
  }

  /**
   * Score PSI and CSI per feature with their flags, and the PSI contribution per score band.
   *
   * @param psi score stability, or null
   * @param csi feature stability, possibly empty
   * @param current name of the current sample
   */
  public static String stability(Stability psi, List<Stability> csi, String current) {
    StringBuilder sb = new StringBuilder();
    if (psi == null && csi.isEmpty()) {
      return "";
    }
    sb.append("<h2>稳定性 / Stability (train → ").append(Svg.esc(current)).append(")</h2>");
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
    return sb.toString();
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
