package io.huaxiang.model.regression;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Fits a binary logistic regression by Newton-Raphson (iteratively reweighted least squares), with
 * optional L2 penalty on the coefficients (never on the intercept).
 *
 * <p>Inputs are columnar: {@code x[j][i]} is feature {@code j} of row {@code i}, which keeps the
 * Hessian accumulation a stream over two arrays at a time.
 */
public final class LogisticRegression {
  private static final int MAX_ITERATIONS = 100;
  private static final double TOLERANCE = 1e-9;

  /**
   * Coefficient magnitude past which we call the data separable: a WoE coefficient of 30 would mean
   * odds that move by e^30 per unit, which only happens when the likelihood has no finite maximum.
   */
  private static final double SEPARATION_LIMIT = 30;

  private final double l2;

  /** A regression with L2 penalty {@code l2 * sum(beta^2) / 2} (0 for plain maximum likelihood). */
  public LogisticRegression(double l2) {
    if (l2 < 0 || Double.isNaN(l2)) {
      throw new IllegalArgumentException("L2 penalty must be >= 0, got " + l2);
    }
    this.l2 = l2;
  }

  /** Fits {@code y ~ x}; throws {@link RegressionException} when no finite optimum exists. */
  public LogisticFit fit(List<String> features, double[][] x, int[] y) {
    return fit(features, x, y, null);
  }

  /**
   * Fits {@code y ~ x} starting Newton's method from {@code start} (intercept first, then one value
   * per feature; {@code null} = the base rate): a nearby start, such as the fit of a similar sample
   * or of one feature fewer, saves most iterations. The optimum does not depend on the start.
   */
  public LogisticFit fit(List<String> features, double[][] x, int[] y, double[] start) {
    int k = x.length;
    int n = y.length;
    if (features.size() != k) {
      throw new IllegalArgumentException(features.size() + " names for " + k + " columns");
    }
    checkColumns(features, x, n);
    double mean = 0;
    for (int v : y) {
      mean += v;
    }
    mean /= n;
    if (mean == 0 || mean == 1) {
      throw new RegressionException(
          "all " + n + " rows have the same outcome: a logistic regression needs both classes");
    }
    double[] beta = new double[k + 1];
    beta[0] = Math.log(mean / (1 - mean));
    if (start != null) {
      if (start.length != k + 1) {
        throw new IllegalArgumentException(
            "start has " + start.length + " values for " + (k + 1) + " coefficients");
      }
      beta = start.clone();
    }
    double[] eta = new double[n];
    double logLik = logLikelihood(beta, x, y, eta);
    int iter = 0;
    DMatrixRMaj hessian = new DMatrixRMaj(k + 1, k + 1);
    for (; iter < MAX_ITERATIONS; iter++) {
      double[] gradient = new double[k + 1];
      accumulate(x, y, eta, beta, gradient, hessian);
      double[] step = solve(features, hessian, gradient);
      double newLik = Double.NEGATIVE_INFINITY;
      double[] trial = new double[k + 1];
      double scale = 1;
      for (int half = 0; half < 30; half++) {
        for (int j = 0; j <= k; j++) {
          trial[j] = beta[j] + scale * step[j];
        }
        newLik = logLikelihood(trial, x, y, eta);
        if (newLik >= logLik - 1e-12) {
          break;
        }
        scale /= 2; // step halving keeps Newton from overshooting on flat likelihoods
      }
      double change = 0;
      for (int j = 0; j <= k; j++) {
        change = Math.max(change, Math.abs(trial[j] - beta[j]));
      }
      beta = trial;
      double improvement = newLik - logLik;
      logLik = newLik;
      checkSeparation(features, beta, logLik);
      if (change < TOLERANCE || (improvement >= 0 && improvement < 1e-12 * n)) {
        iter++;
        break;
      }
    }
    double[] gradient = new double[k + 1];
    logLikelihood(beta, x, y, eta);
    accumulate(x, y, eta, beta, gradient, hessian);
    DMatrixRMaj inverse = new DMatrixRMaj(k + 1, k + 1);
    if (!CommonOps_DDRM.invert(hessian, inverse)) {
      throw singular(features);
    }
    double[] se = new double[k + 1];
    double[] p = new double[k + 1];
    double[][] cov = new double[k + 1][k + 1];
    for (int a = 0; a <= k; a++) {
      for (int b = 0; b <= k; b++) {
        cov[a][b] = inverse.get(a, b);
      }
      se[a] = Math.sqrt(Math.max(cov[a][a], 0));
      p[a] = Normal.twoSidedP(beta[a] / se[a]);
    }
    double plainLik = logLik;
    if (l2 > 0) {
      for (int j = 1; j <= k; j++) {
        plainLik += 0.5 * l2 * beta[j] * beta[j];
      }
    }
    double[] coefficients = java.util.Arrays.copyOfRange(beta, 1, k + 1);
    return new LogisticFit(features, beta[0], coefficients, se, p, plainLik, iter, cov);
  }

  /** Penalised log-likelihood; fills {@code eta} with the linear predictor. */
  private double logLikelihood(double[] beta, double[][] x, int[] y, double[] eta) {
    int n = y.length;
    java.util.Arrays.fill(eta, beta[0]);
    for (int j = 0; j < x.length; j++) {
      double b = beta[j + 1];
      double[] col = x[j];
      for (int i = 0; i < n; i++) {
        eta[i] += b * col[i];
      }
    }
    double ll = 0;
    for (int i = 0; i < n; i++) {
      double z = eta[i];
      // log(1 + e^z) computed without overflow for large |z|
      double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      ll += y[i] * z - softplus;
    }
    for (int j = 1; j < beta.length; j++) {
      ll -= 0.5 * l2 * beta[j] * beta[j];
    }
    return ll;
  }

  /** Gradient of the penalised log-likelihood and its negative Hessian at {@code eta}. */
  private void accumulate(
      double[][] x, int[] y, double[] eta, double[] beta, double[] gradient, DMatrixRMaj h) {
    int n = y.length;
    int k = x.length;
    double[] w = new double[n];
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      double p = 1 / (1 + Math.exp(-eta[i]));
      w[i] = p * (1 - p);
      r[i] = y[i] - p;
    }
    gradient[0] = sum(r);
    h.set(0, 0, sum(w));
    double[] wxa = new double[n];
    for (int a = 0; a < k; a++) {
      double[] xa = x[a];
      gradient[a + 1] = dot(xa, r) - l2 * beta[a + 1];
      double wa = 0;
      for (int i = 0; i < n; i++) {
        wxa[i] = w[i] * xa[i];
        wa += wxa[i];
      }
      h.set(0, a + 1, wa);
      h.set(a + 1, 0, wa);
      for (int b = a; b < k; b++) {
        double s = dot(wxa, x[b]);
        if (a == b) {
          s += l2;
        }
        h.set(a + 1, b + 1, s);
        h.set(b + 1, a + 1, s);
      }
    }
  }

  private static double[] solve(List<String> features, DMatrixRMaj hessian, double[] gradient) {
    int size = gradient.length;
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(size);
    DMatrixRMaj h = hessian.copy();
    if (!solver.setA(h)) {
      throw singular(features);
    }
    DMatrixRMaj g = new DMatrixRMaj(size, 1, true, gradient);
    DMatrixRMaj step = new DMatrixRMaj(size, 1);
    solver.solve(g, step);
    double[] out = step.getData().clone();
    for (double v : out) {
      if (!Double.isFinite(v)) {
        throw singular(features);
      }
    }
    return out;
  }

  private static void checkColumns(List<String> features, double[][] x, int n) {
    for (int j = 0; j < x.length; j++) {
      double[] col = x[j];
      if (col.length != n) {
        throw new IllegalArgumentException(
            "column '" + features.get(j) + "' has " + col.length + " rows, expected " + n);
      }
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : col) {
        if (!Double.isFinite(v)) {
          throw new RegressionException(
              "feature '" + features.get(j) + "' has a missing or infinite value: encode it first");
        }
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (min == max) {
        throw new RegressionException(
            "singular matrix: feature '"
                + features.get(j)
                + "' is constant, so its coefficient cannot be estimated; drop it");
      }
    }
  }

  private void checkSeparation(List<String> features, double[] beta, double logLik) {
    for (int j = 1; j < beta.length; j++) {
      if (Math.abs(beta[j]) > SEPARATION_LIMIT && l2 == 0) {
        throw new RegressionException(
            "perfect separation: the coefficient of '"
                + features.get(j - 1)
                + "' diverges ("
                + String.format("%.1f", beta[j])
                + "), so some input splits events from non-events exactly; merge its bins or use"
                + " an L2 penalty");
      }
    }
    if (logLik > -1e-6 && l2 == 0) {
      throw new RegressionException(
          "perfect separation: the inputs predict every outcome exactly (log-likelihood "
              + logLik
              + "); merge bins or use an L2 penalty");
    }
  }

  private static RegressionException singular(List<String> features) {
    return new RegressionException(
        "singular matrix: the inputs "
            + features
            + " are collinear (one is a combination of others), so the coefficients are not"
            + " identifiable; drop correlated features");
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
