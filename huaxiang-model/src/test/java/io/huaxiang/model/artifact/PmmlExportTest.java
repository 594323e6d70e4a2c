package io.huaxiang.model.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.model.SharedData;
import io.huaxiang.model.data.CsvReader;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.data.Split;
import io.huaxiang.model.pipeline.ProgressListener;
import io.huaxiang.model.pipeline.ScorecardPipeline;
import io.huaxiang.model.pipeline.TrainingConfig;
import io.huaxiang.model.scorecard.ReasonCode;
import io.huaxiang.model.scorecard.ScoreResult;
import io.huaxiang.model.scorecard.ScorecardModel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.EvaluatorUtil;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported PMML, run by the reference JPMML evaluator, must score exactly like our scorer. */
class PmmlExportTest {
  private static final int REASONS = 4;

  @Test
  void jpmmlGivesOurPointsAndReasonCodesOnTheFixtureHoldOut(@TempDir Path dir) throws Exception {
    Dataset all = SharedData.german200();
    Dataset train = all.select(IntStream.range(0, 140).toArray());
    Dataset test = all.select(IntStream.range(140, 200).toArray());
    checkSameScores(train, test, "creditability", "bad", Set.of(), dir);
  }

  @Test
  void jpmmlGivesOurPointsAndReasonCodesOnSharedTestSplits(@TempDir Path dir) throws Exception {
    Path data = SharedData.folder();
    for (String[] d :
        new String[][] {
          {"german_credit", "germancredit.csv", "creditability", "bad", ""},
          {"lending_club", "lending_club.csv", "Class", "bad", ""},
          // derived behaviour features and an interaction of two status codes
          {"taiwan_default", "UCI_Credit_Card.csv", "Y", "1", "ID"},
          // interactions of categorical sources
          {"bank_marketing", "bank-full.csv", "y", "yes", "duration"}
        }) {
      Dataset all = CsvReader.read(data.resolve(d[0]).resolve(d[1]));
      Split split = Split.read(data.resolve(d[0]).resolve("split.csv"));
      ScorecardModel model =
          checkSameScores(
              all.select(split.train()),
              all.select(split.test()),
              d[2],
              d[3],
              d[4].isEmpty() ? Set.of() : Set.of(d[4]),
              dir);
      if (d[0].equals("taiwan_default")) {
        assertThat(model.features()).anyMatch(f -> f.derived() != null);
        assertThat(model.features()).anyMatch(f -> f.cross() != null);
      }
      if (d[0].equals("bank_marketing")) {
        assertThat(model.features()).anyMatch(f -> f.cross() != null);
      }
    }
  }

  private static ScorecardModel checkSameScores(
      Dataset train, Dataset test, String target, String positive, Set<String> drop, Path dir)
      throws Exception {
    ScorecardModel model =
        ScorecardPipeline.train(
                train,
                TrainingConfig.defaults(target, positive).excluding(drop),
                ProgressListener.NONE)
            .model();
    Path file = dir.resolve("model.pmml");
    PmmlExport.write(model, REASONS, file);
    Evaluator evaluator = new LoadingModelEvaluatorBuilder().load(file.toFile()).build();
    evaluator.verify();
    for (int r = 0; r < test.rowCount(); r++) {
      Map<String, Object> row = test.row(r);
      ScoreResult ours = model.score(row, REASONS, io.huaxiang.model.scorecard.ReasonBasis.BEST);
      Map<String, Object> input = new HashMap<>();
      for (var field : evaluator.getInputFields()) {
        Object v = row.get(field.getName());
        input.put(field.getName(), v instanceof Double x && x.isNaN() ? null : v);
      }
      Map<String, ?> out = EvaluatorUtil.decodeAll(evaluator.evaluate(input));
      assertThat(((Number) out.get(PmmlExport.POINTS)).intValue())
          .as("points of test row " + r)
          .isEqualTo(ours.points());
      for (int k = 1; k <= REASONS; k++) {
        Object theirs = out.get("reason" + k);
        if (k <= ours.reasons().size()) {
          ReasonCode mine = ours.reasons().get(k - 1);
          assertThat(theirs).as("reason " + k + " of test row " + r).isEqualTo(mine.feature());
        } else if (theirs != null) {
          // PMML may list features with no shortfall after the real reasons
          assertThat(ours.pointsByFeature().get(theirs))
              .isEqualTo(
                  model.features().stream()
                      .filter(f -> f.name().equals(theirs))
                      .findFirst()
                      .orElseThrow()
                      .maxPoints());
        }
      }
    }
    return model;
  }
}
