package io.huaxiang.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.model.SharedData;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.data.NumericColumn;
import io.huaxiang.model.metrics.Stability;
import io.huaxiang.model.metrics.StabilityFlag;
import io.huaxiang.model.scorecard.ReasonBasis;
import io.huaxiang.model.scorecard.ScoreResult;
import io.huaxiang.model.scorecard.ScorecardFeature;
import io.huaxiang.model.scorecard.ScorecardModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StabilityAndScoringTest {
  private static Dataset data;
  private static ScorecardModel model;
  private static List<Double> progress;

  @BeforeAll
  static void train() {
    data = SharedData.german200();
    progress = new ArrayList<>();
    model =
        ScorecardPipeline.train(
                data,
                TrainingConfig.defaults("creditability", "bad"),
                (stage, fraction, message) -> progress.add(fraction))
            .model();
  }

  @Test
  void progressRunsFromZeroToOneWithoutGoingBack() {
    assertThat(progress.get(0)).isZero();
    assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
    assertThat(progress).isSorted();
  }

  @Test
  void sameSampleIsStableAndAShiftedFeatureIsFlagged() {
    Stability same = ScorecardPipeline.scoreStability(model, data, data);
    assertThat(same.index()).isZero();
    ScorecardFeature numeric =
        model.features().stream()
            .filter(f -> f.binning().type() == io.huaxiang.model.data.ColumnType.NUMERIC)
            .findFirst()
            .orElseThrow();
    double[] moved = ((NumericColumn) data.column(numeric.name())).values().clone();
    for (int i = 0; i < moved.length; i++) {
      moved[i] = moved[i] * 10 + 1000; // every applicant lands in the top bin
    }
    List<io.huaxiang.model.data.Column> columns = new ArrayList<>(data.columns());
    columns.replaceAll(
        c -> c.name().equals(numeric.name()) ? new NumericColumn(c.name(), moved) : c);
    Dataset shifted = Dataset.of("shifted", columns);
    Stability csi =
        ScorecardPipeline.featureStability(model, data, shifted).stream()
            .filter(s -> s.name().equals(numeric.name()))
            .findFirst()
            .orElseThrow();
    assertThat(csi.flag()).isEqualTo(StabilityFlag.SHIFTED);
  }

  @Test
  void pointsAreTheSumOfBasePointsAndFeaturePointsAndPdFallsAsPointsRise() {
    int previous = Integer.MIN_VALUE;
    double previousPd = 2;
    int[] all = model.points(data);
    Integer[] order =
        IntStream.range(0, all.length)
            .boxed()
            .sorted((a, b) -> all[a] - all[b])
            .toArray(Integer[]::new);
    for (int r : order) {
      ScoreResult s = model.score(data.row(r));
      assertThat(s.points()).isEqualTo(all[r]);
      assertThat(s.pointsByFeature().values().stream().mapToInt(Integer::intValue).sum())
          .isEqualTo(s.points());
      if (s.points() > previous) {
        assertThat(s.pd()).isLessThan(previousPd);
        previous = s.points();
        previousPd = s.pd();
      }
    }
  }

  @Test
  void averageBasisComparesWithPopulationAverageAndTextIsAcceptedForNumbers() {
    Map<String, Object> applicant = new HashMap<>(data.row(0));
    ScoreResult byAverage = model.score(applicant, 10, ReasonBasis.AVERAGE);
    ScoreResult byBest = model.score(applicant, 10, ReasonBasis.BEST);
    assertThat(byAverage.reasons().size()).isLessThanOrEqualTo(byBest.reasons().size());
    String numeric =
        model.features().stream()
            .filter(f -> f.binning().type() == io.huaxiang.model.data.ColumnType.NUMERIC)
            .findFirst()
            .orElseThrow()
            .name();
    Object value = applicant.get(numeric);
    applicant.put(numeric, String.valueOf(value));
    assertThat(model.points(applicant)).isEqualTo(byBest.points());
    applicant.put(numeric, "twelve");
    assertThatThrownBy(() -> model.points(applicant))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + numeric + "' is numeric")
        .hasMessageContaining("'twelve'");
  }
}
