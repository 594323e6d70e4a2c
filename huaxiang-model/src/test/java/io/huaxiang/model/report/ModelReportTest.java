package io.huaxiang.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.model.SharedData;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.pipeline.Evaluation;
import io.huaxiang.model.pipeline.ProgressListener;
import io.huaxiang.model.pipeline.ScorecardPipeline;
import io.huaxiang.model.pipeline.TrainedScorecard;
import io.huaxiang.model.pipeline.TrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelReportTest {

  @Test
  void writesOneSelfContainedBilingualFileWithAChartPerFeature(@TempDir Path dir) throws Exception {
    Dataset all = SharedData.german200();
    Dataset train = all.select(IntStream.range(0, 140).toArray());
    Dataset test = all.select(IntStream.range(140, 200).toArray());
    TrainedScorecard t =
        ScorecardPipeline.train(
            train, TrainingConfig.defaults("creditability", "bad"), ProgressListener.NONE);
    Evaluation e = ScorecardPipeline.evaluate(t.model(), test, "test");
    ModelReport report =
        new ModelReport(
            t,
            e,
            ScorecardPipeline.scoreStability(t.model(), train, test),
            ScorecardPipeline.featureStability(t.model(), train, test));
    Path file = dir.resolve("report.html");
    report.write(file);
    String html = Files.readString(file);
    assertThat(html)
        .contains("模型概览 / Model overview")
        .contains("ROC 曲线 / ROC curve")
        .contains("KS 曲线 / KS curve")
        .contains("校准 / Calibration")
        .contains("稳定性 / Stability");
    // four summary charts, one PSI chart, one WoE chart per feature
    int svgs = html.split("<svg", -1).length - 1;
    assertThat(svgs).isEqualTo(5 + t.model().features().size());
    // nothing is fetched: no scripts, no external sources or stylesheets
    assertThat(html).doesNotContain("<script").doesNotContain(" src=").doesNotContain("href=");
  }

  @Test
  void reportsOnASavedModelWithoutItsTrainingRun() {
    var model =
        io.huaxiang.model.scorecard.ScorecardModel.load(
            SharedData.resource("compat/german_scorecard_v1.json"));
    Dataset all = SharedData.german200();
    String html =
        ModelReport.of(
                model,
                all.select(IntStream.range(0, 100).toArray()),
                all.select(IntStream.range(100, 200).toArray()))
            .html();
    assertThat(html).contains("<td class='l'>base</td>").contains("<td class='l'>current</td>");
    assertThat(html).doesNotContain("特征筛选记录");
    assertThat(html.split("<svg", -1).length - 1).isEqualTo(5 + model.features().size());
  }
}
