package io.huaxiang.model.selection;

import io.huaxiang.model.regression.LogisticFit;
import java.util.List;
import java.util.Map;

/**
 * Rao's score statistic for adding one feature to a fitted logistic regression, which ranks
 * forward-selection candidates from the current fit alone (one pass over the data per candidate
 * instead of a full refit).
 */
final class ScoreTest {
  private ScoreTest() {}

  /**
   * Returns {@code U^2 / V}: U is the gradient of the log-likelihood in the new direction and V its
   * variance after adjusting for the features already in (chi-square with 1 df under H0).
   */
  static double statistic(
      LogisticFit current,
      List<String> in,
      Map<String, double[]> woe,
      double[] x,
      int[] y,
      double[] p) {
    int k = in.size();
    int n = y.length;
    double u = 0;
    double xwx = 0;
    double[] b = new double[k + 1];
    for (int i = 0; i < n; i++) {
      double w = p[i] * (1 - p[i]);
      u += x[i] * (y[i] - p[i]);
      xwx += w * x[i] * x[i];
      b[0] += w * x[i];
    }
    for (int j = 0; j < k; j++) {
      double[] col = woe.get(in.get(j));
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += p[i] * (1 - p[i]) * x[i] * col[i];
      }
      b[j + 1] = s;
    }
    double[][] cov = current.covariance();
    double adjust = 0;
    for (int a = 0; a <= k; a++) {
      for (int c = 0; c <= k; c++) {
        adjust += b[a] * cov[a][c] * b[c];
      }
    }
    double v = xwx - adjust;
    return v <= 1e-12 ? 0 : u * u / v;
  }
}
