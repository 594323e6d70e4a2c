package io.huaxiang.model.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The curves of a scorecard's evaluation on one labelled sample, small enough to keep in the model
 * file: the ROC curve of the predicted PD (at most about {@value #ROC_POINTS} points), goods and
 * bads per score band (from which the score distributions and the KS curve follow) and the
 * calibration table. With them a registry can draw the model's report without its training rows.
 *
 * @param sample the sample they were measured on, e.g. "test"
 * @param roc false and true positive rates from (0, 0) to (1, 1), riskiest first
 * @param bands equal-width bands of points, lowest first, with goods and bads in each
 * @param calibration predicted PD against observed bad rate by decile of predicted PD
 */
public record EvaluationCurves(
    String sample, List<RocPoint> roc, List<ScoreBand> bands, List<Calibration.Row> calibration) {

  /** Points kept on the ROC curve, about evenly spaced in rows. */
  public static final int ROC_POINTS = 100;

  /** Score bands of the distribution. */
  public static final int BANDS = 20;

  /** One point of the ROC curve. */
  public record RocPoint(double fpr, double tpr) {}

  /**
   * Rows with points in {@code [from, to)} (the last band includes {@code to}).
   *
   * @param goods rows without the event
   * @param bads rows with the event
   */
  public record ScoreBand(double from, double to, long goods, long bads) {}

  public EvaluationCurves {
    roc = List.copyOf(roc);
    bands = List.copyOf(bands);
    calibration = List.copyOf(calibration);
  }

  /**
   * Measures the curves.
   *
   * @param pd predicted event probability per row
   * @param points scorecard points per row (higher = safer)
   * @param labels 0/1 outcome per row
   */
  public static EvaluationCurves of(String sample, double[] pd, double[] points, int[] labels) {
    Ranking.check(pd, labels);
    return new EvaluationCurves(
        sample, roc(pd, labels), bands(points, labels), Calibration.of(pd, labels, 10).rows());
  }

  private static List<RocPoint> roc(double[] pd, int[] labels) {
    int[] ascending = Ranking.ascending(pd);
    int n = ascending.length;
    long pos = 0;
    for (int y : labels) {
      pos += y;
    }
    long neg = n - pos;
    List<RocPoint> out = new ArrayList<>();
    out.add(new RocPoint(0, 0));
    long tp = 0;
    long fp = 0;
    int step = Math.max(1, n / ROC_POINTS);
    int sinceLast = 0;
    for (int k = 0; k < n; k++) {
      int i = ascending[n - 1 - k]; // riskiest first
      if (labels[i] == 1) {
        tp++;
      } else {
        fp++;
      }
      sinceLast++;
      // a point only where a group of tied predictions ends, so ties do not draw a staircase
      boolean groupEnds = k == n - 1 || pd[ascending[n - 2 - k]] != pd[i];
      if (groupEnds && (sinceLast >= step || k == n - 1)) {
        out.add(new RocPoint(neg == 0 ? 0 : (double) fp / neg, pos == 0 ? 0 : (double) tp / pos));
        sinceLast = 0;
      }
    }
    RocPoint last = out.get(out.size() - 1);
    if (last.fpr() != 1 || last.tpr() != 1) {
      out.add(new RocPoint(neg == 0 ? 0 : 1, pos == 0 ? 0 : 1));
    }
    return out;
  }

  private static List<ScoreBand> bands(double[] points, int[] labels) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double p : points) {
      lo = Math.min(lo, p);
      hi = Math.max(hi, p);
    }
    if (points.length == 0) {
      return List.of();
    }
    int count = hi > lo ? BANDS : 1;
    double width = hi > lo ? (hi - lo) / count : 1;
    long[] goods = new long[count];
    long[] bads = new long[count];
    for (int i = 0; i < points.length; i++) {
      int b = Math.min(count - 1, (int) ((points[i] - lo) / width));
      if (labels[i] == 1) {
        bads[b]++;
      } else {
        goods[b]++;
      }
    }
    List<ScoreBand> out = new ArrayList<>();
    for (int b = 0; b < count; b++) {
      out.add(
          new ScoreBand(
              lo + b * width, b == count - 1 ? hi : lo + (b + 1) * width, goods[b], bads[b]));
    }
    return out;
  }
}
