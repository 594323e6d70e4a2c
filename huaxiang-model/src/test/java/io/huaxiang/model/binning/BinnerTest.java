package io.huaxiang.model.binning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.huaxiang.model.SharedData;
import io.huaxiang.model.data.BinaryTarget;
import io.huaxiang.model.data.CategoricalColumn;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.data.NumericColumn;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BinnerTest {

  /** Noisy data whose risk rises with x. */
  private static Object[] rising(long seed, int n) {
    Random r = new Random(seed);
    double[] x = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextInt(1000);
      y[i] = r.nextDouble() < 0.05 + 0.4 * x[i] / 1000 ? 1 : 0;
    }
    return new Object[] {new NumericColumn("x", x), y};
  }

  @Property(tries = 30)
  void coarseBinsRespectEveryConstraint(@ForAll long seed) {
    Object[] d = rising(seed, 3000);
    BinningConfig config = BinningConfig.defaults().withLimits(6, 0.05, 10);
    FeatureBinning b = new Binner(config).fit((NumericColumn) d[0], (int[]) d[1]);
    assertThat(b.bins()).hasSizeLessThanOrEqualTo(6);
    double previous = Double.NEGATIVE_INFINITY;
    for (WoeBin bin : b.bins()) {
      assertThat(bin.share()).isGreaterThanOrEqualTo(0.05 - 1e-12);
      assertThat(bin.events()).isGreaterThanOrEqualTo(10);
      assertThat(bin.nonEvents()).isGreaterThanOrEqualTo(10);
      if (b.shape() == Monotonicity.ASCENDING) {
        assertThat(bin.woe()).isGreaterThan(previous);
      }
      previous = bin.woe();
    }
    assertThat(b.bins().stream().mapToLong(WoeBin::count).sum()).isEqualTo(3000);
  }

  @Property(tries = 60)
  void dynamicProgrammeFindsTheBestPartitionThatBruteForceFinds(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 9) int m) {
    Random r = new Random(seed);
    long[] e = new long[m];
    long[] g = new long[m];
    for (int i = 0; i < m; i++) {
      e[i] = 1 + r.nextInt(30);
      g[i] = 1 + r.nextInt(100);
    }
    double te = java.util.Arrays.stream(e).sum();
    double tg = java.util.Arrays.stream(g).sum();
    int maxBins = 1 + r.nextInt(4);
    long minCount = r.nextInt(60);
    OptimalPartition p = new OptimalPartition(e, g, te, tg, minCount, 2, maxBins);
    for (Monotonicity shape :
        List.of(
            Monotonicity.ASCENDING,
            Monotonicity.DESCENDING,
            Monotonicity.PEAK,
            Monotonicity.NONE)) {
      double best = bruteForce(e, g, te, tg, minCount, 2, maxBins, shape);
      OptimalPartition.Result res = p.solve(shape);
      if (best > Double.NEGATIVE_INFINITY) {
        assertThat(res.iv()).as(shape.name()).isCloseTo(best, within(1e-9));
      } else {
        assertThat(res.ends()).containsExactly(m - 1); // infeasible: one bin
      }
    }
  }

  /** Enumerates all 2^(m-1) partitions. */
  private static double bruteForce(
      long[] e,
      long[] g,
      double te,
      double tg,
      long minCount,
      int minEv,
      int maxBins,
      Monotonicity s) {
    int m = e.length;
    double best = Double.NEGATIVE_INFINITY;
    for (int mask = 0; mask < 1 << (m - 1); mask++) {
      if (Integer.bitCount(mask) + 1 > maxBins) {
        continue;
      }
      double iv = 0;
      boolean ok = true;
      double[] woe = new double[Integer.bitCount(mask) + 1];
      int k = 0;
      long se = 0;
      long sg = 0;
      for (int i = 0; i < m && ok; i++) {
        se += e[i];
        sg += g[i];
        if (i == m - 1 || (mask >> i & 1) == 1) {
          ok = se + sg >= minCount && se >= minEv && sg >= minEv;
          woe[k++] = WoeMath.woe(se, sg, te, tg);
          iv += WoeMath.iv(se, sg, te, tg);
          se = 0;
          sg = 0;
        }
      }
      if (ok && shapeOk(woe, s) && iv > best) {
        best = iv;
      }
    }
    return best;
  }

  private static boolean shapeOk(double[] w, Monotonicity s) {
    int turns = 0;
    for (int i = 1; i < w.length; i++) {
      double d = w[i] - w[i - 1];
      switch (s) {
        case ASCENDING -> {
          if (!(d > 1e-9)) {
            return false;
          }
        }
        case DESCENDING -> {
          if (!(d < -1e-9)) {
            return false;
          }
        }
        case PEAK -> {
          if (Math.abs(d) <= 1e-9) {
            return false;
          }
          if (d < 0) {
            turns = 1;
          } else if (turns == 1) {
            return false;
          }
        }
        default -> {}
      }
    }
    return true;
  }

  @Test
  void missingAndSpecialValuesGetTheirOwnBins() {
    Object[] d = rising(7, 2000);
    double[] x = ((NumericColumn) d[0]).values().clone();
    for (int i = 0; i < 200; i++) {
      x[i] = Double.NaN;
      x[i + 200] = -999;
    }
    FeatureBinning b =
        new Binner(BinningConfig.defaults().withSpecialValues(Set.of(-999.0)))
            .fit(new NumericColumn("x", x), (int[]) d[1]);
    assertThat(b.bins())
        .anyMatch(bin -> bin.rule() instanceof BinRule.Missing && bin.count() == 200);
    assertThat(b.bins())
        .anyMatch(
            bin ->
                bin.rule() instanceof BinRule.Special s && s.value() == -999 && bin.count() == 200);
    assertThat(b.bins().get(b.binOf(Double.NaN)).rule()).isInstanceOf(BinRule.Missing.class);
    assertThat(b.bins().get(b.binOf(-999)).rule()).isInstanceOf(BinRule.Special.class);
  }

  @Test
  void emptyClassBinKeepsFiniteWoe() {
    double[] x = new double[200];
    int[] y = new int[200];
    for (int i = 0; i < 200; i++) {
      x[i] = i < 20 ? Double.NaN : i;
      y[i] = i < 20 ? 0 : i % 3 == 0 ? 1 : 0; // the missing bin has no events at all
    }
    FeatureBinning b = new Binner(BinningConfig.defaults()).fit(new NumericColumn("x", x), y);
    assertThat(b.bins()).allMatch(bin -> Double.isFinite(bin.woe()) && Double.isFinite(bin.iv()));
  }

  @Test
  void manualCutsAreKeptAsOverride() {
    Object[] d = rising(3, 2000);
    FeatureBinning b =
        new Binner(
                BinningConfig.defaults()
                    .withOverrides(Map.of("x", new BinOverride.Cuts(List.of(250.0, 500.0)))))
            .fit((NumericColumn) d[0], (int[]) d[1]);
    assertThat(b.overridden()).isTrue();
    assertThat(b.bins()).extracting(WoeBin::label).containsExactly("< 250", "[250, 500)", ">= 500");
  }

  @Test
  void groupsGermanCategoriesByEventRateAndUnseenLabelsAreNeutral() {
    Dataset d = SharedData.german200();
    int[] y = BinaryTarget.of(d, "creditability", "bad").labels();
    CategoricalColumn c = (CategoricalColumn) d.column("status_of_existing_checking_account");
    FeatureBinning b = new Binner(BinningConfig.defaults()).fit(c, y);
    assertThat(b.iv()).isGreaterThan(0.2); // checking-account status is the classic strong feature
    for (int i = 1; i < b.bins().size(); i++) {
      assertThat(b.bins().get(i).woe()).isGreaterThan(b.bins().get(i - 1).woe());
    }
    assertThat(b.woe(b.binOf("a label never seen"))).isZero();
  }
}
