package io.huaxiang.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.huaxiang.model.SharedData;
import io.huaxiang.model.artifact.ArtifactCodec;
import io.huaxiang.model.pipeline.Evaluation;
import io.huaxiang.model.pipeline.ProgressListener;
import io.huaxiang.model.pipeline.ScorecardPipeline;
import io.huaxiang.model.pipeline.TrainedScorecard;
import io.huaxiang.model.pipeline.TrainingConfig;
import io.huaxiang.model.scorecard.ScorecardModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The curves a model file keeps: consistent with the metrics and surviving a save and load. */
class EvaluationCurvesTest {

  @Test
  void curvesOfATrainedCardAgreeWithItsMetricsAndSurviveTheModelFile() {
    TrainedScorecard trained =
        ScorecardPipeline.train(
            SharedData.german200(),
            TrainingConfig.defaults("creditability", "bad"),
            ProgressListener.NONE);
    Evaluation train = trained.train();
    EvaluationCurves curves = trained.model().info().curves();
    assertThat(curves).isNotNull();
    assertThat(curves.sample()).isEqualTo("train");

    List<EvaluationCurves.RocPoint> roc = curves.roc();
    assertThat(roc.get(0)).isEqualTo(new EvaluationCurves.RocPoint(0, 0));
    assertThat(roc.get(roc.size() - 1)).isEqualTo(new EvaluationCurves.RocPoint(1, 1));
    double area = 0;
    for (int i = 1; i < roc.size(); i++) {
      assertThat(roc.get(i).fpr()).isGreaterThanOrEqualTo(roc.get(i - 1).fpr());
      assertThat(roc.get(i).tpr()).isGreaterThanOrEqualTo(roc.get(i - 1).tpr());
      area +=
          (roc.get(i).fpr() - roc.get(i - 1).fpr()) * (roc.get(i).tpr() + roc.get(i - 1).tpr()) / 2;
    }
    // the kept points lie on the exact curve, so the area under them is the AUC up to sampling
    assertThat(area).isCloseTo(train.metrics().auc(), within(0.01));

    long goods = curves.bands().stream().mapToLong(EvaluationCurves.ScoreBand::goods).sum();
    long bads = curves.bands().stream().mapToLong(EvaluationCurves.ScoreBand::bads).sum();
    assertThat(bads).isEqualTo(train.metrics().events());
    assertThat(goods + bads).isEqualTo(train.metrics().rows());
    assertThat(curves.bands()).hasSize(EvaluationCurves.BANDS);
    // KS over score bands can only understate the KS over every distinct score
    double ks = 0;
    long cb = 0;
    long cg = 0;
    for (EvaluationCurves.ScoreBand b : curves.bands()) {
      cb += b.bads();
      cg += b.goods();
      ks = Math.max(ks, Math.abs((double) cb / bads - (double) cg / goods));
    }
    assertThat(ks).isPositive().isLessThanOrEqualTo(train.metrics().ks() + 1e-9);
    assertThat(curves.calibration()).hasSize(10);
    assertThat(curves.calibration().stream().mapToInt(Calibration.Row::count).sum())
        .isEqualTo(train.metrics().rows());

    ScorecardModel reloaded =
        ArtifactCodec.fromJson(ArtifactCodec.toJson(trained.model()), "round trip");
    assertThat(reloaded.info().curves()).isEqualTo(curves);
  }
}
