package io.huaxiang.model.regression;

import java.util.List;

/**
 * A fitted logistic regression: {@code ln(p / (1 - p)) = intercept + sum(coefficient * x)}.
 *
 * @param features input names, in coefficient order
 * @param intercept the constant term
 * @param coefficients one per feature
 * @param standardErrors of intercept (index 0) and coefficients (1..k), from the inverse Hessian
 * @param pValues Wald two-sided p-values, same indexing as {@code standardErrors}
 * @param logLikelihood at the optimum (without the L2 penalty)
 * @param iterations Newton steps taken
 * @param covariance inverse Hessian, (k+1) x (k+1), intercept first
 */
public record LogisticFit(
    List<String> features,
    double intercept,
    double[] coefficients,
    double[] standardErrors,
    double[] pValues,
    double logLikelihood,
    int iterations,
    double[][] covariance) {

  public LogisticFit {
    features = List.copyOf(features);
  }

  /** Akaike information criterion: {@code 2(k + 1) - 2 lnL}. */
  public double aic() {
    return 2.0 * (coefficients.length + 1) - 2 * logLikelihood;
  }

  /** Returns the linear predictor (log-odds of the event) for one row of inputs. */
  public double logOdds(double[] x) {
    double z = intercept;
    for (int j = 0; j < coefficients.length; j++) {
      z += coefficients[j] * x[j];
    }
    return z;
  }

  /** Returns the features whose coefficient is not positive, in input order. */
  public List<String> signInconsistent() {
    return java.util.stream.IntStream.range(0, coefficients.length)
        .filter(j -> !(coefficients[j] > 0))
        .mapToObj(features::get)
        .toList();
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format("%-40s %12s %10s %10s%n", "term", "coefficient", "std.err", "p-value"));
    sb.append(
        String.format(
            "%-40s %12.5f %10.5f %10.3g%n",
            "(intercept)", intercept, standardErrors[0], pValues[0]));
    for (int j = 0; j < coefficients.length; j++) {
      sb.append(
          String.format(
              "%-40s %12.5f %10.5f %10.3g%n",
              features.get(j), coefficients[j], standardErrors[j + 1], pValues[j + 1]));
    }
    sb.append(String.format("log-likelihood %.3f, AIC %.3f%n", logLikelihood, aic()));
    return sb.toString();
  }
}
