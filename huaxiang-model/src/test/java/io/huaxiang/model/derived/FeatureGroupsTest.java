package io.huaxiang.model.derived;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.model.data.Column;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.data.NumericColumn;
import io.huaxiang.model.pipeline.ProgressListener;
import io.huaxiang.model.pipeline.ScorecardPipeline;
import io.huaxiang.model.pipeline.TrainedScorecard;
import io.huaxiang.model.pipeline.TrainingConfig;
import io.huaxiang.model.scorecard.ScorecardModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureGroupsTest {

  /** Six months of bills and payments, a limit, and unrelated codes, like the Taiwan data. */
  static Dataset monthlyStatements(int rows, long seed) {
    Random random = new Random(seed);
    double[] limit = new double[rows];
    double[][] bill = new double[6][rows];
    double[][] paid = new double[6][rows];
    double[] sex = new double[rows];
    double[] education = new double[rows];
    double[] marriage = new double[rows];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      limit[i] = 10_000 * (1 + random.nextInt(50));
      double use = random.nextDouble();
      double payShare = random.nextDouble();
      for (int m = 0; m < 6; m++) {
        bill[m][i] = Math.round(limit[i] * use * (0.8 + 0.4 * random.nextDouble()));
        paid[m][i] = Math.round(bill[m][i] * payShare * random.nextDouble());
      }
      sex[i] = 1 + random.nextInt(2);
      education[i] = 1 + random.nextInt(4);
      marriage[i] = 1 + random.nextInt(3);
      // default risk rises with utilisation and falls with the share repaid
      double logit = -1.5 + 2.5 * use - 2.0 * payShare;
      y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    }
    List<Column> columns = new ArrayList<>();
    columns.add(new NumericColumn("LIMIT", limit));
    columns.add(new NumericColumn("SEX", sex));
    columns.add(new NumericColumn("EDUCATION", education));
    columns.add(new NumericColumn("MARRIAGE", marriage));
    for (int m = 0; m < 6; m++) {
      columns.add(new NumericColumn("BILL" + (m + 1), bill[m]));
    }
    for (int m = 0; m < 6; m++) {
      columns.add(new NumericColumn("PAID" + (m + 1), paid[m]));
    }
    columns.add(new NumericColumn("y", y));
    return Dataset.of("statements", columns);
  }

  @Test
  void findsNumberedSeriesOfLikeColumnsButNotUnrelatedCodes() {
    Dataset d = monthlyStatements(3000, 1);
    List<String> names =
        new FeatureGroups(32)
            .propose(d.without(List.of("y")).columns()).stream().map(DerivedFeature::name).toList();
    assertThat(names)
        .contains(
            "BILL1..BILL6_mean",
            "BILL1..BILL6_trend",
            "PAID1..PAID6_count_positive",
            "PAID1..PAID6/BILL1..BILL6",
            "BILL1..BILL6/LIMIT")
        .noneMatch(n -> n.contains("SEX") || n.contains("EDUCATION"));
  }

  @Test
  void aggregatesAndRatiosComputeWhatTheirNamesSay() {
    List<String> six = List.of("a", "b", "c");
    assertThat(
            new GroupAggregate("m", GroupAggregate.Aggregate.MEAN, six)
                .compute(new double[] {1, 2, 6}))
        .isEqualTo(3.0);
    assertThat(
            new GroupAggregate("t", GroupAggregate.Aggregate.TREND, six)
                .compute(new double[] {5, 2, 1}))
        .isEqualTo(4.0);
    assertThat(
            new GroupAggregate("c", GroupAggregate.Aggregate.COUNT_POSITIVE, six)
                .compute(new double[] {-1, 0, 2}))
        .isEqualTo(1.0);
    assertThat(
            new GroupAggregate("x", GroupAggregate.Aggregate.MIN, six)
                .compute(new double[] {3, -2, 1}))
        .isEqualTo(-2.0);
    assertThat(
            new GroupAggregate("x", GroupAggregate.Aggregate.MAX, six)
                .compute(new double[] {Double.NaN, 1, 2}))
        .isNaN();
    SumRatio utilisation = new SumRatio("u", List.of("bill1", "bill2"), List.of("limit"));
    assertThat(utilisation.valueOf(Map.of("bill1", 300, "bill2", "200", "limit", 1000)))
        .isEqualTo(0.5);
    assertThat(utilisation.valueOf(Map.of("bill1", 300, "bill2", 200, "limit", 0))).isNaN();
    assertThat(utilisation.valueOf(Map.of("bill1", 300, "limit", 1000))).isNaN();
  }

  @Test
  void derivedFeaturesEnterTheCardAndScoreFromRawInputsAfterReload(@TempDir Path dir) {
    Dataset d = monthlyStatements(6000, 7);
    TrainedScorecard t =
        ScorecardPipeline.train(d, TrainingConfig.defaults("y", "1"), ProgressListener.NONE);
    assertThat(t.model().features()).anyMatch(f -> f.derived() != null);
    TrainedScorecard raw =
        ScorecardPipeline.train(
            d, TrainingConfig.defaults("y", "1").withGroupFeatures(false), ProgressListener.NONE);
    assertThat(t.train().metrics().auc()).isGreaterThan(raw.train().metrics().auc());

    Path file = dir.resolve("derived.json");
    t.model().save(file);
    ScorecardModel back = ScorecardModel.load(file);
    assertThat(back.points(d)).containsExactly(t.model().points(d));
    for (int r = 0; r < d.rowCount(); r += 97) {
      Map<String, Object> applicant = new HashMap<>(d.row(r));
      assertThat(back.score(applicant)).isEqualTo(t.model().score(applicant));
      assertThat(back.points(applicant)).isEqualTo(t.model().points(d)[r]);
    }
  }
}
