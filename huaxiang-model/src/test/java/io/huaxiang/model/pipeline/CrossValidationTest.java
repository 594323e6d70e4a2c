package io.huaxiang.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.model.binning.Binner;
import io.huaxiang.model.binning.BinningConfig;
import io.huaxiang.model.data.CategoricalColumn;
import io.huaxiang.model.data.Column;
import io.huaxiang.model.data.NumericColumn;
import io.huaxiang.model.regression.LogisticFit;
import io.huaxiang.model.regression.LogisticRegression;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

  @Test
  void outOfFoldIvExposesACategoricalThatOnlyMemorisedItsRows() {
    Random random = new Random(3);
    int n = 1500;
    int[] y = new int[n];
    String[] noise = new String[n];
    String[] real = new String[n];
    for (int i = 0; i < n; i++) {
      y[i] = random.nextDouble() < 0.2 ? 1 : 0;
      noise[i] = "state-" + random.nextInt(50); // fifty levels, no relation to y
      real[i] = random.nextDouble() < (y[i] == 1 ? 0.5 : 0.1) ? "late" : "on-time";
    }
    List<Column> columns =
        List.of(new CategoricalColumn("state", noise), new CategoricalColumn("history", real));
    BinningConfig config = BinningConfig.defaults();
    double inSampleNoise = new Binner(config).fit(columns.get(0), y).iv();
    CrossValidation cv = new CrossValidation(y, 5, 42);
    var oof = cv.outOfFoldWoe(columns, config);
    double oofNoise = cv.informationValue(oof.get("state"));
    double oofReal = cv.informationValue(oof.get("history"));
    assertThat(inSampleNoise).isGreaterThan(0.01); // in sample the noise looks informative
    assertThat(oofNoise).isLessThan(0.02).isLessThan(inSampleNoise / 2);
    assertThat(oofReal).isGreaterThan(0.3);
  }

  @Test
  void informationValueOfInSampleWoeIsTheUsualIv() {
    Random random = new Random(5);
    int n = 2000;
    int[] y = new int[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextGaussian();
      y[i] = random.nextDouble() < 1 / (1 + Math.exp(-x[i])) ? 1 : 0;
    }
    NumericColumn column = new NumericColumn("x", x);
    var binning = new Binner(BinningConfig.defaults()).fit(column, y);
    double rowWise = new CrossValidation(y, 5, 42).informationValue(binning.transform(column));
    double binWise = binning.iv();
    // WoE carries a 0.5 pseudo-count, so the two sums agree closely rather than exactly
    assertThat(rowWise).isCloseTo(binWise, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void smallNoisySamplesGetAStrongerPenaltyThanLargeClearOnes() {
    assertThat(chosenL2(150, 0.3, 11)).isGreaterThan(chosenL2(20_000, 1.5, 11));
  }

  @Test
  void approximateLeaveOneOutTracksExactLeaveOneOut() {
    int n = 300;
    double[][] x = sample(n, 0.8, 7);
    int[] y = labels(x, 0.8, 7);
    List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    CrossValidation cv = new CrossValidation(y, 5, 42);
    for (double l2 : new double[] {0, 10}) {
      LogisticFit all = new LogisticRegression(l2).fit(names, x, y);
      double exact = 0;
      for (int i = 0; i < n; i++) {
        int left = i;
        int[] rows = java.util.stream.IntStream.range(0, n).filter(r -> r != left).toArray();
        double[][] fx = new double[x.length][];
        for (int j = 0; j < x.length; j++) {
          double[] col = x[j];
          fx[j] = java.util.Arrays.stream(rows).mapToDouble(r -> col[r]).toArray();
        }
        int[] fy = java.util.Arrays.stream(rows).map(r -> y[r]).toArray();
        LogisticFit fit = new LogisticRegression(l2).fit(names, fx, fy);
        double[] row = new double[x.length];
        for (int j = 0; j < x.length; j++) {
          row[j] = x[j][i];
        }
        double eta = fit.logOdds(row);
        exact += y[i] == 1 ? -Math.log1p(Math.exp(-eta)) : -Math.log1p(Math.exp(eta));
      }
      // within 0.5 % of the exact sum: one Newton step from the all-rows optimum is close
      assertThat(cv.leaveOneOutLogLikelihood(all, x))
          .isCloseTo(exact, org.assertj.core.data.Percentage.withPercentage(0.5))
          .isLessThan(all.logLikelihood()); // held out is always worse than in sample
    }
  }

  private static double[][] sample(int n, double signal, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[8][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 8; j++) {
        x[j][i] = random.nextGaussian();
      }
    }
    return x;
  }

  private static int[] labels(double[][] x, double signal, long seed) {
    Random random = new Random(seed + 1);
    int[] y = new int[x[0].length];
    for (int i = 0; i < y.length; i++) {
      double eta = -1;
      for (int j = 0; j < x.length; j++) {
        eta += (j == 0 ? signal : 0.02) * x[j][i];
      }
      y[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    return y;
  }

  private static double chosenL2(int n, double signal, long seed) {
    Random random = new Random(seed);
    int k = 8;
    double[][] x = new double[k][n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double eta = -1;
      for (int j = 0; j < k; j++) {
        x[j][i] = random.nextGaussian();
        eta += (j == 0 ? signal : 0.02) * x[j][i];
      }
      y[i] = random.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h");
    return new CrossValidation(y, 5, 42).chooseL2(names, x);
  }
}
