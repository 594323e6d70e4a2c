package io.huaxiang.model.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.huaxiang.model.binning.BinRule;
import io.huaxiang.model.binning.FeatureBinning;
import io.huaxiang.model.binning.Monotonicity;
import io.huaxiang.model.binning.WoeBin;
import io.huaxiang.model.data.ColumnType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorecardModelTest {

  @Test
  void defaultScalingGives600AtOdds50AndDoublesOddsEvery20Points() {
    Scaling s = Scaling.defaults();
    double logOddsBadAt50 = Math.log(1.0 / 50);
    assertThat(s.points(logOddsBadAt50)).isCloseTo(600, within(1e-9));
    assertThat(s.points(logOddsBadAt50 - Math.log(2))).isCloseTo(620, within(1e-9));
    assertThat(s.pd(600)).isCloseTo(1.0 / 51, within(1e-12));
  }

  private static FeatureBinning binning(String name, double... woes) {
    List<WoeBin> bins = new java.util.ArrayList<>();
    for (int i = 0; i < woes.length; i++) {
      bins.add(
          new WoeBin(
              new BinRule.Range(
                  i == 0 ? Double.NEGATIVE_INFINITY : i,
                  i == woes.length - 1 ? Double.POSITIVE_INFINITY : i + 1),
              100,
              10,
              1.0 / woes.length,
              0.1,
              woes[i],
              0.01));
    }
    return new FeatureBinning(name, ColumnType.NUMERIC, Monotonicity.ASCENDING, bins, false);
  }

  @Test
  void reasonCodesRankFeaturesByPointsLostAgainstTheirBest() {
    ScorecardModel m =
        ScorecardModel.build(
            List.of(binning("age", -0.5, 0.0, 0.8), binning("debt_ratio", -1.0, 0.2, 1.5)),
            -2,
            new double[] {1.0, 1.0},
            Map.of("debt_ratio", new FeatureLabel("负债收入比", "debt-to-income ratio")),
            Scaling.defaults(),
            null);
    ScoreResult r = m.score(Map.of("age", 5.0, "debt_ratio", 2.5));
    int expected =
        m.basePoints() + m.features().get(0).points()[2] + m.features().get(1).points()[2];
    assertThat(r.points()).isEqualTo(expected);
    assertThat(r.reasons()).extracting(ReasonCode::feature).containsExactly("debt_ratio", "age");
    ReasonCode top = r.reasons().get(0);
    assertThat(top.shortfall()).isEqualTo(top.maxPoints() - top.points()).isPositive();
    assertThat(top.textZh()).startsWith("负债收入比").contains("分");
    assertThat(top.textEn()).startsWith("debt-to-income ratio").contains("points");
    assertThat(r.reasons().get(1).textZh()).contains("特征「age」");
    assertThat(m.score(Map.of("age", 0.0, "debt_ratio", 0.0)).reasons()).isEmpty();
  }
}
