package io.huaxiang.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** k-means++ and Lloyd's iterations: known clusters, invariants, determinism. */
class KMeansTest {

  @Test
  void findsWellSeparatedGaussianClusters() {
    int k = 4;
    int perCluster = 2_000;
    double[][] truth = {{0, 0, 0}, {10, 0, 0}, {0, 10, 0}, {0, 0, 10}};
    double[] data = new double[k * perCluster * 3];
    Random r = new Random(1);
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < perCluster; i++) {
        for (int j = 0; j < 3; j++) {
          data[(c * perCluster + i) * 3 + j] = truth[c][j] + r.nextGaussian();
        }
      }
    }
    KMeansResult fit = new KMeans(k, 100, 7).fit(data, 3);

    assertThat(fit.converged()).isTrue();
    assertThat(fit.sizes()).containsOnly(perCluster);
    // every true centre is found within 0.1
    for (double[] t : truth) {
      double best = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) {
        best = Math.min(best, KMeans.distance(t, 0, fit.centres(), c * 3, 3));
      }
      assertThat(Math.sqrt(best)).isLessThan(0.1);
    }
    // inertia is about n * dims for unit-variance clusters
    assertThat(fit.inertia() / data.length).isCloseTo(1.0, within(0.05));
    assertThat(fit.assign(new double[] {9.5, 0.3, -0.2}))
        .isEqualTo(fit.assign(new double[] {10, 0, 0}));
  }

  @Property(tries = 30)
  void labelsAreNearestCentresAndInertiaIsTheirDistanceSum(
      @ForAll @IntRange(min = 1, max = 6) int k,
      @ForAll @IntRange(min = 1, max = 5) int dims,
      @ForAll @LongRange(min = 0, max = 10_000) long seed) {
    Random r = new Random(seed);
    int n = 50 + r.nextInt(400);
    double[] data = new double[n * dims];
    for (int i = 0; i < data.length; i++) {
      data[i] = r.nextInt(5) * 3 + r.nextGaussian();
    }
    KMeansResult fit = new KMeans(k, 50, seed).fit(data, dims);

    double inertia = 0;
    for (int i = 0; i < n; i++) {
      double[] row = java.util.Arrays.copyOfRange(data, i * dims, (i + 1) * dims);
      int label = fit.labels()[i];
      assertThat(KMeans.distance(row, 0, fit.centres(), fit.assign(row) * dims, dims))
          .isCloseTo(KMeans.distance(row, 0, fit.centres(), label * dims, dims), within(1e-9));
      inertia += KMeans.distance(row, 0, fit.centres(), label * dims, dims);
    }
    assertThat(fit.inertia()).isCloseTo(inertia, within(1e-6 * Math.max(1, inertia)));
    assertThat(fit.iterations()).isBetween(1, 50);
  }

  @Test
  void sameSeedGivesTheSameClustersWhateverTheThreads() {
    Random r = new Random(3);
    double[] data = new double[100_000 * 4];
    for (int i = 0; i < data.length; i++) {
      data[i] = r.nextGaussian() + (i % 7);
    }
    KMeansResult a = new KMeans(5, 20, 11, new ForkJoinPool(1)).fit(data, 4);
    KMeansResult b = new KMeans(5, 20, 11, new ForkJoinPool(3)).fit(data, 4);
    assertThat(b.labels()).isEqualTo(a.labels());
    assertThat(b.centres()).isEqualTo(a.centres());
    assertThat(b.inertia()).isEqualTo(a.inertia());
  }

  @Test
  void moreInitialisationsKeepTheLowestInertiaAndTheFirstIsThePlainFit() {
    Random r = new Random(5);
    int dims = 3;
    double[] data = new double[6_000 * dims];
    for (int i = 0; i < data.length; i++) {
      // overlapping clusters, so different seedings end in different local optima
      data[i] = r.nextInt(6) * 1.5 + r.nextGaussian();
    }
    ForkJoinPool pool = ForkJoinPool.commonPool();
    KMeansResult one = new KMeans(6, 30, 9).fit(data, dims);
    assertThat(new KMeans(6, 30, 9, 1, pool).fit(data, dims).inertia()).isEqualTo(one.inertia());
    double best = one.inertia();
    for (int inits = 2; inits <= 6; inits++) {
      double inertia = new KMeans(6, 30, 9, inits, pool).fit(data, dims).inertia();
      assertThat(inertia).as("inits=" + inits).isLessThanOrEqualTo(best);
      best = inertia;
    }
  }

  @Test
  void fromGivenCentresOnlyLloydRuns() {
    Random r = new Random(8);
    double[] data = new double[4_000 * 2];
    for (int i = 0; i < data.length; i++) {
      data[i] = (i / 2 % 3) * 6 + r.nextGaussian();
    }
    KMeansResult fit = new KMeans(3, 100, 4).fit(data, 2);
    assertThat(fit.converged()).isTrue();
    double[] centres = fit.centres().clone();

    KMeansResult again = new KMeans(3, 100, 99).fit(data, 2, centres);

    // started at a fixed point: one iteration moves nothing, whatever the seed
    assertThat(again.iterations()).isEqualTo(1);
    assertThat(again.converged()).isTrue();
    assertThat(again.inertia()).isCloseTo(fit.inertia(), within(1e-9 * fit.inertia()));
    assertThat(centres).isEqualTo(fit.centres());
  }

  @Property(tries = 15)
  void boundedIterationsGiveExactlyPlainLloydsLabelsAndCentres(
      @ForAll @IntRange(min = 2, max = 9) int k,
      @ForAll @IntRange(min = 1, max = 6) int dims,
      @ForAll @LongRange(min = 0, max = 10_000) long seed) {
    Random r = new Random(seed);
    int n = 2_000 + r.nextInt(6_000); // one chunk: plain sums add up in the same order
    double[] data = new double[n * dims];
    for (int i = 0; i < data.length; i++) {
      // overlapping clusters: many iterations, rows moving late
      data[i] = r.nextInt(4) * 1.2 + r.nextGaussian();
    }
    double[] initial = java.util.Arrays.copyOf(data, k * dims); // the first k rows
    KMeansResult fit = new KMeans(k, 60, seed).fit(data, dims, initial);

    // plain Lloyd's iterations, written out here
    double[] centres = initial.clone();
    int[] labels = new int[n];
    java.util.Arrays.fill(labels, -1);
    int iterations = 0;
    boolean converged = false;
    while (iterations < 60 && !converged) {
      long changed = 0;
      double[] sums = new double[k * dims];
      long[] counts = new long[k];
      for (int i = 0; i < n; i++) {
        int nearest = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          double d = KMeans.distance(data, i * dims, centres, c * dims, dims);
          if (d < best) {
            best = d;
            nearest = c;
          }
        }
        changed += labels[i] == nearest ? 0 : 1;
        labels[i] = nearest;
        counts[nearest]++;
        for (int j = 0; j < dims; j++) {
          sums[nearest * dims + j] += data[i * dims + j];
        }
      }
      iterations++;
      boolean moved = false;
      for (int c = 0; c < k; c++) {
        for (int j = 0; counts[c] > 0 && j < dims; j++) {
          double mean = sums[c * dims + j] / counts[c];
          moved |= mean != centres[c * dims + j];
          centres[c * dims + j] = mean;
        }
      }
      converged = changed == 0 || !moved;
    }
    assertThat(fit.iterations()).isEqualTo(iterations);
    assertThat(fit.centres()).isEqualTo(centres);
    assertThat(fit.converged()).isEqualTo(converged);
  }
}
