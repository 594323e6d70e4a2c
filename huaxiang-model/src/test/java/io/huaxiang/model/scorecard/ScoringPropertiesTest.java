package io.huaxiang.model.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.model.SharedData;
import io.huaxiang.model.data.Dataset;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Invariants of scoring on mixed-up applicants: missing fields, unseen labels, odd numbers. */
class ScoringPropertiesTest {
  private static final ScorecardModel MODEL =
      ScorecardModel.load(SharedData.resource("compat/german_scorecard_v1.json"));
  private static final Dataset ROWS = SharedData.german200();

  private static Map<String, Object> applicant(long seed) {
    Random r = new Random(seed);
    Map<String, Object> a = new HashMap<>(ROWS.row(r.nextInt(ROWS.rowCount())));
    for (ScorecardFeature f : MODEL.features()) {
      switch (r.nextInt(6)) {
        case 0 -> a.remove(f.name()); // absent: treated as missing
        case 1 -> a.put(f.name(), null);
        case 2 ->
            a.put(
                f.name(),
                f.binning().type() == io.huaxiang.model.data.ColumnType.NUMERIC
                    ? (Object) (r.nextGaussian() * 1e4)
                    : "never seen " + r.nextInt(100));
        default -> {}
      }
    }
    return a;
  }

  @Property(tries = 300)
  void pointsAddUpAndReasonsAreRankedShortfalls(@ForAll long seed) {
    Map<String, Object> a = applicant(seed);
    ScoreResult s = MODEL.score(a);
    assertThat(MODEL.points(a)).isEqualTo(s.points());
    assertThat(s.pointsByFeature().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(s.points());
    assertThat(s.pd()).isStrictlyBetween(0.0, 1.0);
    assertThat(s.reasons()).hasSizeLessThanOrEqualTo(ScorecardModel.DEFAULT_REASONS);
    int previous = Integer.MAX_VALUE;
    for (ReasonCode r : s.reasons()) {
      assertThat(r.shortfall()).isPositive().isLessThanOrEqualTo(previous);
      assertThat(r.shortfall()).isEqualTo(r.maxPoints() - r.points());
      assertThat(r.textZh()).contains(String.valueOf(r.shortfall())).contains("分");
      assertThat(r.textEn()).contains(String.valueOf(r.shortfall())).contains("points");
      previous = r.shortfall();
    }
  }

  @Property(tries = 100)
  void noApplicantScoresAboveTheBestAttainableCard(@ForAll long seed) {
    int best =
        MODEL.basePoints() + MODEL.features().stream().mapToInt(ScorecardFeature::maxPoints).sum();
    assertThat(MODEL.points(applicant(seed))).isLessThanOrEqualTo(best);
  }
}
