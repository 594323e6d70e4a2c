package io.huaxiang.model.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StepwiseModesTest {

  /** Three informative inputs and three pure-noise ones, independent of each other. */
  private static Object[] data() {
    Random r = new Random(99);
    int n = 8000;
    Map<String, double[]> woe = new LinkedHashMap<>();
    double[][] x = new double[6][n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 6; j++) {
        x[j][i] = r.nextGaussian();
      }
      double eta = -1 + 0.9 * x[0][i] + 0.5 * x[1][i] + 0.3 * x[2][i];
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    Map<String, Double> iv = new LinkedHashMap<>();
    for (int j = 0; j < 6; j++) {
      woe.put("f" + j, x[j]);
      iv.put("f" + j, 0.5 - j * 0.05);
    }
    return new Object[] {iv, woe, y};
  }

  @SuppressWarnings("unchecked")
  private static SelectionResult run(StepwiseMode mode, Criterion criterion) {
    Object[] d = data();
    return new FeatureSelector(SelectionConfig.defaults().withStepwise(mode, criterion))
        .select((Map<String, Double>) d[0], (Map<String, double[]>) d[1], (int[]) d[2]);
  }

  @Test
  void everyModeKeepsTheInformativeFeatures() {
    for (StepwiseMode mode : StepwiseMode.values()) {
      SelectionResult r = run(mode, Criterion.P_VALUE);
      assertThat(r.selected()).as(mode.name()).contains("f0", "f1", "f2");
    }
  }

  @Test
  void pValueStepwiseLeavesOutNoiseAndSaysWhy() {
    SelectionResult forward = run(StepwiseMode.FORWARD, Criterion.P_VALUE);
    SelectionResult backward = run(StepwiseMode.BACKWARD, Criterion.P_VALUE);
    assertThat(forward.selected()).hasSizeLessThanOrEqualTo(4);
    assertThat(backward.selected()).hasSizeLessThanOrEqualTo(4);
    assertThat(backward.log()).anyMatch(s -> s.reason() == SelectionReason.REMOVED);
    assertThat(forward.log()).anyMatch(s -> s.reason() == SelectionReason.NOT_ENTERED);
  }
}
