package io.huaxiang.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.huaxiang.model.data.BinaryTarget;
import io.huaxiang.model.data.CsvOptions;
import io.huaxiang.model.data.CsvReader;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.data.Split;
import io.huaxiang.model.metrics.ModelMetrics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trains on the shared splits and checks the challenger matches the XGBoost baseline. */
class RealDataTest {

  @Test
  void taiwanTestAucReachesTheXgboostBaseline() {
    Path dir = TestData.shared().resolve("taiwan_default");
    Dataset all = CsvReader.read(dir.resolve("UCI_Credit_Card.csv")).without(List.of("ID"));
    ModelMetrics m = trainAndTest("taiwan_default", all, dir, "Y", "1");
    assertThat(m.auc()).isGreaterThanOrEqualTo(0.7777 - 0.005);
  }

  @Test
  void bankMarketingTestAucReachesTheXgboostBaseline() {
    Path dir = TestData.shared().resolve("bank_marketing");
    Dataset all =
        new CsvReader(CsvOptions.defaults().withSeparator(';'))
            .readFile(dir.resolve("bank-full.csv"))
            .without(List.of("duration"));
    ModelMetrics m = trainAndTest("bank_marketing", all, dir, "y", "yes");
    assertThat(m.auc()).isGreaterThanOrEqualTo(0.8025 - 0.005);
  }

  private static ModelMetrics trainAndTest(
      String name, Dataset all, Path dir, String target, String positive) {
    Split split = Split.read(dir.resolve("split.csv")).checkAgainst(all);
    Dataset train = all.select(split.train());
    Dataset test = all.select(split.test());
    long start = System.nanoTime();
    try (GbdtModel model = new GbdtTrainer(GbdtConfig.defaults()).fit(train, target, positive)) {
      double fitSeconds = (System.nanoTime() - start) / 1e9;
      double[] pd = model.predictPd(test);
      double[] margin = model.predictMargin(test);
      double[] points = new double[margin.length];
      for (int i = 0; i < margin.length; i++) {
        points[i] = -margin[i] * GbdtModel.POINTS_PER_LOGIT;
      }
      int[] labels = BinaryTarget.of(test, target, positive).labels();
      ModelMetrics m = ModelMetrics.of(pd, points, labels);
      System.out.printf(
          "GBDT %s: test AUC %.4f KS %.4f, %d trees, fit %.2f s%n",
          name, m.auc(), m.ks(), model.trees(), fitSeconds);
      checkContributionsOnSampledRows(model, test);
      return m;
    }
  }

  private static void checkContributionsOnSampledRows(GbdtModel model, Dataset test) {
    int[] rows = new java.util.Random(7).ints(50, 0, test.rowCount()).toArray();
    Dataset sample = test.select(rows);
    float[][] contrib = model.contributions(sample);
    double[] margin = model.predictMargin(sample);
    for (int i = 0; i < rows.length; i++) {
      double sum = 0;
      for (float c : contrib[i]) {
        sum += c;
      }
      assertThat(sum).as("row %d", rows[i]).isCloseTo(margin[i], within(1e-3));
    }
  }
}
