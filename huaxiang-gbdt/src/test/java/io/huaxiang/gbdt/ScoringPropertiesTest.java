package io.huaxiang.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.huaxiang.model.data.ColumnType;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.scorecard.ReasonCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of GBDT scoring on mixed-up applicants: missing fields, unseen labels, odd numbers.
 */
class ScoringPropertiesTest {
  private static final GbdtModel MODEL = GbdtModel.load(CompatibilityTest.V1);
  private static final Dataset ROWS = TestData.german200();

  private static Map<String, Object> applicant(long seed) {
    Random r = new Random(seed);
    Map<String, Object> a = new HashMap<>(ROWS.row(r.nextInt(ROWS.rowCount())));
    for (GbdtFeature f : MODEL.features()) {
      switch (r.nextInt(6)) {
        case 0 -> a.remove(f.name()); // absent: treated as missing
        case 1 -> a.put(f.name(), null);
        case 2 ->
            a.put(
                f.name(),
                f.type() == ColumnType.NUMERIC
                    ? (Object) (r.nextGaussian() * 1e4)
                    : "never seen " + r.nextInt(100));
        default -> {}
      }
    }
    return a;
  }

  @Property(tries = 200)
  void reasonsAreTheLargestPositiveContributionsInOrder(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int n) {
    Map<String, Object> a = applicant(seed);
    double pd = MODEL.predictPd(a);
    List<ReasonCode> reasons = MODEL.reasons(a, n);

    assertThat(pd).isStrictlyBetween(0.0, 1.0);
    assertThat(reasons).hasSizeLessThanOrEqualTo(n);
    int previous = Integer.MAX_VALUE;
    for (ReasonCode r : reasons) {
      assertThat(r.shortfall()).isPositive().isLessThanOrEqualTo(previous);
      assertThat(r.points()).isEqualTo(-r.shortfall());
      assertThat(r.textZh()).contains(String.valueOf(r.shortfall())).contains("分");
      assertThat(r.textEn()).contains(String.valueOf(r.shortfall())).contains("points");
      previous = r.shortfall();
    }
    assertThat(reasons).extracting(ReasonCode::feature).doesNotHaveDuplicates();
  }

  @Property(tries = 100)
  void contributionsOfAnyApplicantAddUpToItsLogOdds(@ForAll long seed) {
    Map<String, Object> a = applicant(seed);
    double pd = MODEL.predictPd(a);
    float[] contrib = MODEL.contributions(a);
    double sum = 0;
    for (float c : contrib) {
      sum += c;
    }
    assertThat(contrib).hasSize(MODEL.features().size() + 1);
    assertThat(sum).isCloseTo(Math.log(pd / (1 - pd)), within(1e-4));

    List<ReasonCode> reasons = MODEL.reasons(a, 1);
    if (!reasons.isEmpty()) {
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < MODEL.features().size(); j++) {
        max = Math.max(max, contrib[j]);
      }
      int top =
          MODEL.features().stream()
              .map(GbdtFeature::name)
              .toList()
              .indexOf(reasons.get(0).feature());
      assertThat(contrib[top]).isEqualTo(max);
    }
  }
}
