package io.huaxiang.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.scorecard.ReasonCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GbdtModelTest {
  private static Dataset data;
  private static GbdtModel model;

  @BeforeAll
  static void train() {
    data = TestData.german200();
    model = new GbdtTrainer(GbdtConfig.defaults()).fit(data, "creditability", "bad");
  }

  @AfterAll
  static void free() {
    model.close();
  }

  @Test
  void contributionsAndBiasSumToTheMargin() {
    float[][] contrib = model.contributions(data);
    double[] margin = model.predictMargin(data);
    assertThat(contrib[0]).hasSize(model.features().size() + 1);
    for (int row = 0; row < data.rowCount(); row += 7) {
      double sum = 0;
      for (float c : contrib[row]) {
        sum += c;
      }
      assertThat(sum).as("row %d", row).isCloseTo(margin[row], within(1e-4));
    }
  }

  @Test
  void diagnosticsCompareSamplesAndRankFeaturesByMeanAbsoluteShap() {
    var all = GbdtDiagnostics.evaluate(model, data, "all");
    assertThat(all.metrics().auc()).isGreaterThan(0.7);
    assertThat(all.points()).hasSize(data.rowCount());
    // a sample against itself is perfectly stable; against its riskiest half it is not
    assertThat(GbdtDiagnostics.scoreStability(all, all).index()).isZero();
    assertThat(GbdtDiagnostics.featureStability(model, data, data))
        .hasSize(model.features().size())
        .allSatisfy(s -> assertThat(s.index()).isZero());
    double[] pd = model.predictPd(data);
    int[] risky = java.util.stream.IntStream.range(0, pd.length).filter(i -> pd[i] > 0.4).toArray();
    var riskyEval = GbdtDiagnostics.evaluate(model, data.select(risky), "risky");
    assertThat(GbdtDiagnostics.scoreStability(all, riskyEval).index()).isGreaterThan(0.25);
    double[] shap = GbdtDiagnostics.meanAbsoluteShap(model, data);
    assertThat(shap).hasSize(model.features().size());
    int checking = -1;
    for (int j = 0; j < shap.length; j++) {
      assertThat(shap[j]).isGreaterThanOrEqualTo(0);
      if (model.features().get(j).name().equals("status_of_existing_checking_account")) {
        checking = j;
      }
    }
    // the checking-account status is German credit's strongest risk driver
    assertThat(shap[checking]).isEqualTo(java.util.Arrays.stream(shap).max().orElseThrow());
  }

  @Test
  void pdIsTheLogisticOfTheMargin() {
    double[] pd = model.predictPd(data);
    double[] margin = model.predictMargin(data);
    for (int row = 0; row < pd.length; row++) {
      assertThat(pd[row]).isCloseTo(1 / (1 + Math.exp(-margin[row])), within(1e-6));
    }
  }

  @Test
  void reasonsNameTheFeaturesThatRaisedTheRisk() {
    double[] pd = model.predictPd(data);
    int riskiest = 0;
    for (int row = 1; row < pd.length; row++) {
      riskiest = pd[row] > pd[riskiest] ? row : riskiest;
    }
    Map<String, Object> applicant = data.row(riskiest);
    float[] contrib = model.contributions(data.select(new int[] {riskiest}))[0];
    List<ReasonCode> reasons = model.reasons(applicant, 4);

    assertThat(reasons).hasSize(4);
    int previous = Integer.MAX_VALUE;
    for (ReasonCode r : reasons) {
      int j = indexOf(r.feature());
      assertThat(contrib[j]).as(r.feature()).isPositive();
      assertThat(r.shortfall())
          .isEqualTo((int) Math.round(contrib[j] * GbdtModel.POINTS_PER_LOGIT))
          .isLessThanOrEqualTo(previous);
      previous = r.shortfall();
      assertThat(r.bin()).isEqualTo(String.valueOf(applicant.get(r.feature())));
      assertThat(r.textZh()).contains("违约风险上升").contains(String.valueOf(r.shortfall()));
      assertThat(r.textEn()).contains("raised the default risk");
    }
    assertThat(reasons).extracting(ReasonCode::rank).containsExactly(1, 2, 3, 4);
  }

  @Test
  void oneApplicantScoresLikeTheSameRowInABatch() {
    double[] pd = model.predictPd(data);
    for (int row = 0; row < 30; row++) {
      assertThat(model.predictPd(data.row(row))).isCloseTo(pd[row], within(1e-7));
    }
  }

  @Test
  void reloadedModelPredictsIdentically(@TempDir Path dir) {
    model.save(dir);
    try (GbdtModel loaded = GbdtModel.load(dir)) {
      assertThat(loaded.features()).isEqualTo(model.features());
      assertThat(loaded.trees()).isEqualTo(model.trees());
      assertThat(loaded.predictPd(data)).containsExactly(model.predictPd(data));
      assertThat(loaded.reasons(data.row(3), 3)).isEqualTo(model.reasons(data.row(3), 3));
    }
  }

  @Test
  void loadingFromAnEmptyFolderSaysWhatIsMissing(@TempDir Path dir) {
    assertThatThrownBy(() -> GbdtModel.load(dir))
        .isInstanceOf(GbdtException.class)
        .hasMessageContaining("cannot load a GBDT model from")
        .hasMessageContaining(GbdtModel.SIDECAR_FILE);
  }

  @Test
  void loadingAnIncompleteSidecarSaysWhatIsMissing(@TempDir Path dir) throws Exception {
    model.save(dir);
    java.nio.file.Files.writeString(
        dir.resolve(GbdtModel.SIDECAR_FILE),
        "{\"formatVersion\":1,\"target\":\"creditability\",\"trees\":5}");
    assertThatThrownBy(() -> GbdtModel.load(dir))
        .isInstanceOf(GbdtException.class)
        .hasMessageContaining("lacks the feature list");
  }

  @Test
  void scoringDataWithoutAFeatureSaysWhichOne() {
    Dataset missing = data.without(List.of("credit_amount"));
    assertThatThrownBy(() -> model.predictPd(missing))
        .isInstanceOf(GbdtException.class)
        .hasMessageContaining("'credit_amount'");
  }

  @Test
  void oneFileArtifactReloadsAndScoresLikeTheOriginal() {
    String json =
        model.toArtifactJson(
            "german",
            java.util.Map.of(
                "train",
                io.huaxiang.model.metrics.ModelMetrics.of(
                    model.predictPd(data), new double[data.rowCount()], labels())));
    assertThat(GbdtModel.isArtifact(json)).isTrue();
    assertThat(GbdtModel.isArtifact("{\"format\":\"huaxiang-scorecard\"}")).isFalse();
    assertThat(GbdtModel.artifactMetrics(json)).containsKey("train");
    try (GbdtModel back = GbdtModel.fromArtifactJson(json, "test")) {
      assertThat(back.predictPd(data)).containsExactly(model.predictPd(data));
      for (int r = 0; r < 20; r++) {
        var a = data.row(r);
        var score = back.score(a, 4);
        assertThat(score).isEqualTo(model.score(a, 4));
        assertThat(score.pd()).isCloseTo(model.predictPd(a), within(1e-6)); // float SHAP sums
        assertThat(score.reasons()).isEqualTo(model.reasons(a, 4));
      }
      // riskier applicants never get more points, as on a scorecard
      var scores =
          java.util.stream.IntStream.range(0, data.rowCount())
              .mapToObj(r -> back.score(data.row(r), 0))
              .sorted(java.util.Comparator.comparingDouble(s -> s.pd()))
              .toList();
      for (int i = 1; i < scores.size(); i++) {
        assertThat(scores.get(i).points()).isLessThanOrEqualTo(scores.get(i - 1).points());
      }
    }
    assertThatThrownBy(() -> GbdtModel.fromArtifactJson("{\"format\":\"huaxiang-gbdt\"}", "x"))
        .isInstanceOf(GbdtException.class)
        .hasMessageContaining("x");
  }

  private static int[] labels() {
    return io.huaxiang.model.data.BinaryTarget.of(data, "creditability", "bad").labels();
  }

  private static int indexOf(String feature) {
    for (int j = 0; j < model.features().size(); j++) {
      if (model.features().get(j).name().equals(feature)) {
        return j;
      }
    }
    throw new AssertionError("no feature " + feature);
  }
}
