package io.huaxiang.model.report;

import java.util.List;
import java.util.Locale;

/**
 * Draws small inline SVG charts (lines and bars) with no script and nothing loaded from outside.
 */
final class Svg {
  static final int W = 420;
  static final int H = 260;
  private static final int PAD = 40;
  static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#7f7f7f"};

  private Svg() {}

  /** One named polyline of (x, y) points. */
  record Series(String name, double[] x, double[] y, boolean dashed) {}

  /** A line chart; axes span the given ranges. */
  static String lines(
      String xLabel,
      String yLabel,
      List<Series> series,
      double x0,
      double x1,
      double y0,
      double y1) {
    StringBuilder sb = open();
    axes(sb, xLabel, yLabel, x0, x1, y0, y1);
    for (int s = 0; s < series.size(); s++) {
      Series ser = series.get(s);
      sb.append("<polyline fill='none' stroke='")
          .append(COLOURS[s % COLOURS.length])
          .append("' stroke-width='1.8'")
          .append(ser.dashed() ? " stroke-dasharray='4 3'" : "")
          .append(" points='");
      for (int i = 0; i < ser.x().length; i++) {
        sb.append(fmt(px(ser.x()[i], x0, x1)))
            .append(',')
            .append(fmt(py(ser.y()[i], y0, y1)))
            .append(' ');
      }
      sb.append("'/>");
      legend(sb, s, ser.name());
    }
    return sb.append("</svg>").toString();
  }

  /** A bar chart of labelled values (negative bars go below zero). */
  static String bars(String yLabel, String[] labels, double[] values, String colour) {
    double lo = 0;
    double hi = 0;
    for (double v : values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (hi == lo) {
      hi = lo + 1;
    }
    double margin = (hi - lo) * 0.08;
    lo -= lo < 0 ? margin : 0;
    hi += margin;
    StringBuilder sb = open();
    axes(sb, "", yLabel, 0, values.length, lo, hi);
    double slot = (W - 2.0 * PAD) / Math.max(1, values.length);
    for (int i = 0; i < values.length; i++) {
      double top = py(Math.max(values[i], 0), lo, hi);
      double bottom = py(Math.min(values[i], 0), lo, hi);
      double x = PAD + i * slot + slot * 0.15;
      sb.append(
          String.format(
              Locale.ROOT,
              "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s: %.4f</title></rect>",
              x,
              top,
              slot * 0.7,
              Math.max(bottom - top, 0.5),
              colour,
              esc(labels[i]),
              values[i]));
      String shortLabel = labels[i].length() > 14 ? labels[i].substring(0, 13) + "…" : labels[i];
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x='%.1f' y='%d' font-size='8' text-anchor='end' transform='rotate(-35 %.1f %d)'>%s</text>",
              x + slot * 0.35,
              H - PAD + 10,
              x + slot * 0.35,
              H - PAD + 10,
              esc(shortLabel)));
    }
    return sb.append("</svg>").toString();
  }

  /** Two overlaid histograms (e.g. points of goods and bads), as shares per bin. */
  static String histograms(
      String xLabel, double[] edges, double[] a, double[] b, String nameA, String nameB) {
    double hi = 0;
    for (int i = 0; i < a.length; i++) {
      hi = Math.max(hi, Math.max(a[i], b[i]));
    }
    StringBuilder sb = open();
    double x0 = edges[0];
    double x1 = edges[edges.length - 1];
    axes(sb, xLabel, "share", x0, x1, 0, hi * 1.1);
    double[][] both = {a, b};
    for (int s = 0; s < 2; s++) {
      for (int i = 0; i < a.length; i++) {
        double left = px(edges[i], x0, x1);
        double right = px(edges[i + 1], x0, x1);
        double top = py(both[s][i], 0, hi * 1.1);
        sb.append(
            String.format(
                Locale.ROOT,
                "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s' fill-opacity='0.45'/>",
                left,
                top,
                Math.max(right - left - 0.5, 0.5),
                H - PAD - top,
                COLOURS[s]));
      }
    }
    legend(sb, 0, nameA);
    legend(sb, 1, nameB);
    return sb.append("</svg>").toString();
  }

  private static StringBuilder open() {
    return new StringBuilder(
        "<svg xmlns='http://www.w3.org/2000/svg' width='"
            + W
            + "' height='"
            + H
            + "' viewBox='0 0 "
            + W
            + " "
            + H
            + "' font-family='sans-serif'>");
  }

  private static void axes(
      StringBuilder sb, String xLabel, String yLabel, double x0, double x1, double y0, double y1) {
    sb.append(
        String.format(
            Locale.ROOT,
            "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#333'/><line x1='%d' y1='%d' x2='%d'"
                + " y2='%d' stroke='#333'/>",
            PAD,
            H - PAD,
            W - PAD,
            H - PAD,
            PAD,
            PAD / 2,
            PAD,
            H - PAD));
    for (int t = 0; t <= 4; t++) {
      double yv = y0 + (y1 - y0) * t / 4;
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x='%d' y='%.1f' font-size='9' text-anchor='end'>%s</text>",
              PAD - 3,
              py(yv, y0, y1) + 3,
              tick(yv)));
      if (!xLabel.isEmpty()) {
        double xv = x0 + (x1 - x0) * t / 4;
        sb.append(
            String.format(
                Locale.ROOT,
                "<text x='%.1f' y='%d' font-size='9' text-anchor='middle'>%s</text>",
                px(xv, x0, x1),
                H - PAD + 12,
                tick(xv)));
      }
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x='%d' y='%d' font-size='10' text-anchor='middle'>%s</text>",
            W / 2,
            H - 6,
            esc(xLabel)));
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x='12' y='%d' font-size='10' text-anchor='middle' transform='rotate(-90 12 %d)'>%s</text>",
            H / 2,
            H / 2,
            esc(yLabel)));
  }

  private static void legend(StringBuilder sb, int s, String name) {
    int y = PAD / 2 + 4 + 14 * s;
    sb.append(
        String.format(
            Locale.ROOT,
            "<rect x='%d' y='%d' width='10' height='10' fill='%s'/><text x='%d' y='%d' font-size='10'>%s</text>",
            W - PAD - 150,
            y,
            COLOURS[s % COLOURS.length],
            W - PAD - 136,
            y + 9,
            esc(name)));
  }

  private static double px(double x, double x0, double x1) {
    return PAD + (x - x0) / (x1 - x0 == 0 ? 1 : x1 - x0) * (W - 2.0 * PAD);
  }

  private static double py(double y, double y0, double y1) {
    return H - PAD - (y - y0) / (y1 - y0 == 0 ? 1 : y1 - y0) * (H - 1.5 * PAD);
  }

  private static String tick(double v) {
    if (v != 0 && Math.abs(v) < 0.1) {
      return String.format(Locale.ROOT, "%.3f", v);
    }
    return Math.abs(v) >= 100 || v == Math.rint(v)
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
  }
}
