package io.huaxiang.model.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

  @Test
  void recoversCoefficientsOfSimulatedData() {
    Random r = new Random(42);
    int n = 20000;
    double[][] x = new double[2][n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[0][i] = r.nextGaussian();
      x[1][i] = r.nextGaussian();
      double eta = -1 + 0.8 * x[0][i] - 0.5 * x[1][i];
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    LogisticFit f = new LogisticRegression(0).fit(List.of("a", "b"), x, y);
    assertThat(f.intercept()).isCloseTo(-1, within(0.06));
    assertThat(f.coefficients()[0]).isCloseTo(0.8, within(0.06));
    assertThat(f.coefficients()[1]).isCloseTo(-0.5, within(0.06));
    // standard errors of about 1/sqrt(n * var * p(1-p)) and tiny p-values for real effects
    assertThat(f.standardErrors()[1]).isBetween(0.01, 0.04);
    assertThat(f.pValues()[1]).isLessThan(1e-10);
    assertThat(f.signInconsistent()).containsExactly("b");
  }

  @Test
  void gradientVanishesAtTheOptimum() {
    Random r = new Random(1);
    int n = 500;
    double[][] x = new double[1][n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[0][i] = r.nextDouble();
      y[i] = r.nextDouble() < x[0][i] ? 1 : 0;
    }
    LogisticFit f = new LogisticRegression(0).fit(List.of("x"), x, y);
    double g0 = 0;
    double g1 = 0;
    for (int i = 0; i < n; i++) {
      double p = 1 / (1 + Math.exp(-f.logOdds(new double[] {x[0][i]})));
      g0 += y[i] - p;
      g1 += (y[i] - p) * x[0][i];
    }
    assertThat(Math.abs(g0) + Math.abs(g1)).isLessThan(1e-6);
  }

  @Test
  void perfectSeparationIsReportedNotReturned() {
    double[][] x = {{1, 2, 3, 4, 5, 6, 7, 8}};
    int[] y = {0, 0, 0, 0, 1, 1, 1, 1};
    assertThatThrownBy(() -> new LogisticRegression(0).fit(List.of("x"), x, y))
        .isInstanceOf(RegressionException.class)
        .hasMessageContaining("perfect separation");
    // a ridge penalty makes the optimum finite again
    LogisticFit ridge = new LogisticRegression(1).fit(List.of("x"), x, y);
    assertThat(ridge.coefficients()[0]).isPositive().isFinite();
  }

  @Test
  void collinearAndConstantInputsAreNamed() {
    double[] a = {1, 2, 3, 4, 5, 6, 7, 8};
    int[] y = {0, 1, 0, 0, 1, 1, 0, 1};
    assertThatThrownBy(
            () -> new LogisticRegression(0).fit(List.of("a", "a2"), new double[][] {a, a}, y))
        .isInstanceOf(RegressionException.class)
        .hasMessageContaining("singular");
    assertThatThrownBy(
            () ->
                new LogisticRegression(0)
                    .fit(List.of("c"), new double[][] {{2, 2, 2, 2, 2, 2, 2, 2}}, y))
        .isInstanceOf(RegressionException.class)
        .hasMessageContaining("'c' is constant");
  }
}
