package io.huaxiang.model.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureSelectorTest {

  @Test
  void logsWhyEachFeatureWentInOrOut() {
    Random r = new Random(11);
    int n = 5000;
    double[] strong = new double[n];
    double[] copy = new double[n];
    double[] weak = new double[n];
    double[] noise = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      strong[i] = r.nextGaussian();
      copy[i] = strong[i] + 0.05 * r.nextGaussian();
      weak[i] = r.nextGaussian();
      noise[i] = r.nextGaussian();
      double eta = -1 + strong[i] + 0.4 * weak[i];
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    Map<String, double[]> woe = new LinkedHashMap<>();
    woe.put("strong", strong);
    woe.put("copy", copy);
    woe.put("weak", weak);
    woe.put("noise", noise);
    Map<String, Double> iv = Map.of("strong", 0.9, "copy", 0.85, "weak", 0.1, "noise", 0.001);
    SelectionResult result = new FeatureSelector(SelectionConfig.defaults()).select(iv, woe, y);
    assertThat(result.selected()).containsExactly("strong", "weak");
    assertThat(result.log())
        .anyMatch(s -> s.feature().equals("noise") && s.reason() == SelectionReason.LOW_IV)
        .anyMatch(s -> s.feature().equals("copy") && s.reason() == SelectionReason.CORRELATED)
        .anyMatch(s -> s.feature().equals("weak") && s.reason() == SelectionReason.ENTERED);
    assertThat(result.print()).contains("CORRELATED").contains("with 'strong'");
  }

  @Test
  void singleBinFeatureIsLoggedOutEvenWithoutAnIvThreshold() {
    Random r = new Random(3);
    int n = 2000;
    double[] x = new double[n];
    double[] constant = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian();
      constant[i] = -0.1;
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-x[i])) ? 1 : 0;
    }
    Map<String, double[]> woe = new LinkedHashMap<>();
    woe.put("x", x);
    woe.put("constant", constant);
    SelectionResult result =
        new FeatureSelector(SelectionConfig.defaults().withFilters(0, 0.7, 5))
            .select(Map.of("x", 0.3, "constant", 0.0), woe, y);
    assertThat(result.selected()).containsExactly("x");
    assertThat(result.log())
        .anyMatch(s -> s.feature().equals("constant") && s.detail().contains("single bin"));
  }

  @Test
  void varianceInflationIsOneForUncorrelatedAndLargeForNearCopies() {
    Random r = new Random(5);
    int n = 2000;
    double[] a = new double[n];
    double[] b = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextGaussian();
      b[i] = r.nextGaussian();
      c[i] = a[i] + b[i] + 0.01 * r.nextGaussian();
    }
    double[] twoIndependent =
        FeatureSelector.vif(java.util.List.of("a", "b"), Map.of("a", a, "b", b));
    assertThat(twoIndependent[0]).isBetween(0.99, 1.02);
    double[] sum =
        FeatureSelector.vif(java.util.List.of("a", "b", "c"), Map.of("a", a, "b", b, "c", c));
    assertThat(sum[2]).isGreaterThan(100);
  }

  @Test
  void vifFilterKeepsTheStrongestFeatureOfACollinearSet() {
    Random r = new Random(17);
    int n = 4000;
    double[] strong = new double[n];
    double[] left = new double[n];
    double[] right = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      left[i] = r.nextGaussian();
      right[i] = r.nextGaussian();
      // the strongest feature is nearly the sum of two weaker ones: its VIF is the highest
      strong[i] = left[i] + right[i] + 0.3 * r.nextGaussian();
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(1 - strong[i])) ? 1 : 0;
    }
    Map<String, double[]> woe = new LinkedHashMap<>();
    woe.put("strong", strong);
    woe.put("left", left);
    woe.put("right", right);
    Map<String, Double> iv = Map.of("strong", 0.8, "left", 0.3, "right", 0.29);
    SelectionConfig config =
        SelectionConfig.defaults()
            .withFilters(0.02, 1.01, 5)
            .withStepwise(StepwiseMode.NONE, Criterion.AIC);
    SelectionResult result = new FeatureSelector(config).select(iv, woe, y);
    assertThat(result.selected()).contains("strong", "left").doesNotContain("right");
    assertThat(result.log())
        .anyMatch(s -> s.feature().equals("right") && s.reason() == SelectionReason.HIGH_VIF);
  }
}
