package io.huaxiang.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MetricsPropertiesTest {

  @Property(tries = 200)
  void aucEqualsPairwiseCountWithTiesAsHalf(
      @ForAll long seed, @ForAll @IntRange(min = 4, max = 60) int n) {
    java.util.Random random = new java.util.Random(seed);
    double[] s = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = random.nextInt(6); // few distinct values force ties
      y[i] = i < 2 ? i : random.nextInt(2);
    }
    double wins = 0;
    double pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (y[i] == 1 && y[j] == 0) {
          pairs++;
          wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        }
      }
    }
    assertThat(Auc.of(s, y)).isCloseTo(wins / pairs, within(1e-12));
  }

  @Property(tries = 200)
  void ksIsTheLargestGapOverAllCutoffs(
      @ForAll long seed, @ForAll @IntRange(min = 4, max = 60) int n) {
    java.util.Random random = new java.util.Random(seed);
    double[] s = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = random.nextInt(10);
      y[i] = i < 2 ? i : random.nextInt(2);
    }
    double best = 0;
    for (double cut : s) {
      ConfusionMatrix m = ConfusionMatrix.at(s, y, cut);
      best = Math.max(best, Math.abs(m.recall() - m.falsePositiveRate()));
    }
    assertThat(Ks.of(s, y).value()).isCloseTo(best, within(1e-12));
  }

  @Test
  void psiIsZeroForSameSampleAndFlagsAShift() {
    double[] base = new double[1000];
    double[] shifted = new double[1000];
    for (int i = 0; i < base.length; i++) {
      base[i] = i;
      shifted[i] = i + 400;
    }
    assertThat(Stability.psi(base, base, 10).index()).isCloseTo(0, within(1e-12));
    Stability s = Stability.psi(base, shifted, 10);
    assertThat(s.flag()).isEqualTo(StabilityFlag.SHIFTED);
    assertThat(StabilityFlag.of(0.15)).isEqualTo(StabilityFlag.WATCH);
  }

  @Test
  void gainsTableCapturesAllEventsAndPerfectScoreHasTopLift() {
    double[] s = new double[100];
    int[] y = new int[100];
    for (int i = 0; i < 100; i++) {
      s[i] = i;
      y[i] = i >= 90 ? 1 : 0;
    }
    GainsTable g = GainsTable.of(s, y, 10);
    assertThat(g.rows().get(0).eventRate()).isEqualTo(1.0);
    assertThat(g.rows().get(0).lift()).isCloseTo(10.0, within(1e-9));
    assertThat(g.rows().get(9).cumulativeEventShare()).isCloseTo(1.0, within(1e-12));
    Calibration c = Calibration.of(new double[] {0.0, 1.0}, new int[] {0, 1}, 2);
    assertThat(c.brier()).isZero();
  }
}
