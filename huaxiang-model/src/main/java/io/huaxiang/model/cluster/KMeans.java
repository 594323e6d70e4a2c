package io.huaxiang.model.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * Lloyd's k-means with greedy k-means++ seeding, over a dense row-major matrix.
 *
 * <p>Seeding follows Arthur and Vassilvitskii (2007) with the greedy variant scikit-learn uses:
 * each new centre is the best (lowest resulting inertia) of {@code 2 + ln k} candidates drawn with
 * probability proportional to the squared distance to the nearest centre so far. Each iteration
 * assigns every row to its nearest centre and moves each centre to the mean of its rows; it stops
 * after {@code maxIterations}, when no row changes cluster or when no centre moves (scikit-learn's
 * {@code tol = 0}). An empty cluster keeps its centre. With {@code inits > 1} the whole fit runs
 * from that many seedings and the lowest inertia wins, as scikit-learn's {@code n_init}.
 *
 * <p>Iterations use Hamerly's bounds to skip rows whose nearest centre provably did not change
 * (exact: the same labels and centres as plain Lloyd's iterations, see {@code Bounds}).
 *
 * <p>Rows are split into chunks processed in parallel on a fork-join pool; each chunk accumulates
 * its own sums, merged in chunk order, so the result is the same for any number of threads.
 * Deterministic for a given seed.
 */
public final class KMeans {
  private static final int CHUNK = 16_384;

  private final int k;
  private final int maxIterations;
  private final long seed;
  private final int inits;
  private final ForkJoinPool pool;

  public KMeans(int k, int maxIterations, long seed) {
    this(k, maxIterations, seed, 1, ForkJoinPool.commonPool());
  }

  public KMeans(int k, int maxIterations, long seed, ForkJoinPool pool) {
    this(k, maxIterations, seed, 1, pool);
  }

  /**
   * @param inits how many seedings to run, keeping the fit with the lowest inertia (scikit-learn's
   *     {@code n_init}); the first uses {@code seed} itself, so {@code inits = 1} is the plain fit
   */
  public KMeans(int k, int maxIterations, long seed, int inits, ForkJoinPool pool) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
    }
    if (inits < 1) {
      throw new IllegalArgumentException("inits must be at least 1, got " + inits);
    }
    this.k = k;
    this.maxIterations = maxIterations;
    this.seed = seed;
    this.inits = inits;
    this.pool = pool;
  }

  /**
   * Clusters {@code n = data.length / dims} rows.
   *
   * @param data row-major values, row i at {@code [i * dims, (i + 1) * dims)}
   */
  public KMeansResult fit(double[] data, int dims) {
    int n = rows(data, dims);
    // the seeds of the further initialisations come from one stream started at the given seed
    SplittableRandom seeds = new SplittableRandom(seed);
    KMeansResult best = null;
    for (int run = 0; run < inits; run++) {
      long runSeed = run == 0 ? seed : seeds.nextLong();
      KMeansResult fit = lloyd(data, dims, n, seed(data, dims, n, runSeed));
      if (best == null || fit.inertia() < best.inertia()) {
        best = fit;
      }
    }
    return best;
  }

  /**
   * Lloyd's iterations from given initial centres (no seeding), e.g. to compare iterations with
   * another implementation started from the very same centres.
   *
   * @param initial row-major {@code k x dims} centres; not modified
   */
  public KMeansResult fit(double[] data, int dims, double[] initial) {
    int n = rows(data, dims);
    if (initial.length != k * dims) {
      throw new IllegalArgumentException(
          "initial centres have " + initial.length + " values, not k x dims = " + k * dims);
    }
    return lloyd(data, dims, n, initial.clone());
  }

  private int rows(double[] data, int dims) {
    if (dims < 1 || data.length % dims != 0) {
      throw new IllegalArgumentException("data length " + data.length + " is not rows x " + dims);
    }
    int n = data.length / dims;
    if (n < k) {
      throw new IllegalArgumentException("need at least k=" + k + " rows, got " + n);
    }
    return n;
  }

  private KMeansResult lloyd(double[] data, int dims, int n, double[] centres) {
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    Bounds bounds = new Bounds(n, k);
    int iterations = 0;
    boolean converged = false;
    while (iterations < maxIterations && !converged) {
      bounds.separate(centres, dims);
      Step step = pool.invoke(new Iterate(data, dims, centres, labels, bounds, 0, n));
      iterations++;
      double[] previous = centres.clone();
      boolean moved = false;
      for (int c = 0; c < k; c++) {
        if (step.counts[c] > 0) {
          for (int j = 0; j < dims; j++) {
            double mean = step.sums[c * dims + j] / step.counts[c];
            moved |= mean != centres[c * dims + j];
            centres[c * dims + j] = mean;
          }
        }
      }
      bounds.moved(previous, centres, dims);
      // as scikit-learn with tol = 0: stop when no row changed cluster, or no centre moved (then
      // the next assignment could not change anything)
      converged = step.changed == 0 || !moved;
    }
    // final labels and inertia against the final centres, as scikit-learn reports them
    Step last = pool.invoke(new Assign(data, dims, centres, labels, 0, n, false));
    return new KMeansResult(k, dims, centres, labels, last.inertia, iterations, converged);
  }

  /**
   * Hamerly's bounds (2010), which let an iteration skip the distances to every centre for the rows
   * whose nearest centre cannot have changed: per row an upper bound on the distance to its centre
   * and a lower bound on the distance to any other; per centre half the distance to the nearest
   * other centre; after the centres move, the bounds widen by how far they moved. A row is only
   * skipped when the bounds prove its centre is strictly nearest (with a margin far above
   * rounding), so the labels, and hence the centres, are exactly those of plain Lloyd's iterations;
   * late iterations, where few rows move, then cost little more than the sums.
   */
  private static final class Bounds {
    /** Relative margin a bound must clear, far above the rounding of the bound updates. */
    static final double SLACK = 1 + 1e-9;

    final double[] upper;
    final double[] lower;
    final double[] half;
    final double[] drift;
    int farthest = -1;
    double most;
    double secondMost;

    Bounds(int n, int k) {
      upper = new double[n];
      lower = new double[n];
      half = new double[k];
      drift = new double[k];
    }

    /** Half the distance from each centre to its nearest other centre. */
    void separate(double[] centres, int dims) {
      int k = half.length;
      Arrays.fill(half, Double.POSITIVE_INFINITY);
      for (int a = 0; a < k; a++) {
        for (int b = a + 1; b < k; b++) {
          double d = 0.5 * Math.sqrt(distance(centres, a * dims, centres, b * dims, dims));
          half[a] = Math.min(half[a], d);
          half[b] = Math.min(half[b], d);
        }
      }
    }

    /** How far each centre moved, and the largest two moves. */
    void moved(double[] before, double[] after, int dims) {
      most = 0;
      secondMost = 0;
      farthest = -1;
      for (int c = 0; c < drift.length; c++) {
        drift[c] = Math.sqrt(distance(before, c * dims, after, c * dims, dims));
        if (drift[c] > most) {
          secondMost = most;
          most = drift[c];
          farthest = c;
        } else if (drift[c] > secondMost) {
          secondMost = drift[c];
        }
      }
    }

    /** The most any centre but {@code c} moved. */
    double mostOtherThan(int c) {
      return c == farthest ? secondMost : most;
    }
  }

  /** One Lloyd iteration over a range of rows, skipping the rows the bounds settle. */
  private final class Iterate extends RecursiveTask<Step> {
    private static final long serialVersionUID = 1L;
    private final transient double[] data;
    private final int dims;
    private final transient double[] centres;
    private final int[] labels;
    private final transient Bounds bounds;
    private final int from;
    private final int to;

    Iterate(
        double[] data, int dims, double[] centres, int[] labels, Bounds bounds, int from, int to) {
      this.data = data;
      this.dims = dims;
      this.centres = centres;
      this.labels = labels;
      this.bounds = bounds;
      this.from = from;
      this.to = to;
    }

    @Override
    protected Step compute() {
      // the same split as Assign, so the sums add up in the same order as plain Lloyd's
      if (to - from > CHUNK) {
        int mid = from + Math.max(1, (to - from) / CHUNK / 2) * CHUNK;
        Iterate left = new Iterate(data, dims, centres, labels, bounds, from, mid);
        Iterate right = new Iterate(data, dims, centres, labels, bounds, mid, to);
        left.fork();
        Step r = right.compute();
        return left.join().merge(r);
      }
      Step s = new Step(k, dims);
      double[] upper = bounds.upper;
      double[] lower = bounds.lower;
      for (int i = from; i < to; i++) {
        int base = i * dims;
        int a = labels[i];
        boolean settled = false;
        if (a >= 0) {
          upper[i] += bounds.drift[a];
          lower[i] -= bounds.mostOtherThan(a);
          double limit = Math.max(bounds.half[a], lower[i]);
          if (upper[i] * Bounds.SLACK < limit) {
            settled = true;
          } else {
            upper[i] = Math.sqrt(distance(data, base, centres, a * dims, dims));
            settled = upper[i] * Bounds.SLACK < limit;
          }
        }
        int nearest = a;
        if (!settled) {
          // every centre, exactly as plain Lloyd's (strictly nearer wins: lowest index on ties)
          double best = Double.POSITIVE_INFINITY;
          double second = Double.POSITIVE_INFINITY;
          for (int c = 0; c < k; c++) {
            double d = distanceBounded(data, base, centres, c * dims, dims, second);
            if (d < best) {
              second = best;
              best = d;
              nearest = c;
            } else if (d < second) {
              second = d;
            }
          }
          upper[i] = Math.sqrt(best);
          lower[i] = Math.sqrt(second);
        }
        if (labels[i] != nearest) {
          s.changed++;
          labels[i] = nearest;
        }
        s.counts[nearest]++;
        int o = nearest * dims;
        for (int j = 0; j < dims; j++) {
          s.sums[o + j] += data[base + j];
        }
      }
      return s;
    }
  }

  // --- seeding

  private double[] seed(double[] data, int dims, int n, long runSeed) {
    SplittableRandom random = new SplittableRandom(runSeed);
    int trials = 2 + (int) Math.log(k);
    double[] centres = new double[k * dims];
    int first = random.nextInt(n);
    System.arraycopy(data, first * dims, centres, 0, dims);
    double[] closest = new double[n];
    double potential = 0;
    for (int i = 0; i < n; i++) {
      closest[i] = distance(data, i * dims, centres, 0, dims);
      potential += closest[i];
    }
    double[] candidate = new double[n];
    double[] best = new double[n];
    for (int c = 1; c < k; c++) {
      double bestPotential = Double.POSITIVE_INFINITY;
      int bestRow = -1;
      for (int t = 0; t < trials; t++) {
        int row = sample(closest, potential, random.nextDouble() * potential);
        double p = 0;
        for (int i = 0; i < n; i++) {
          double d = Math.min(closest[i], distance(data, i * dims, data, row * dims, dims));
          candidate[i] = d;
          p += d;
        }
        if (p < bestPotential) {
          bestPotential = p;
          bestRow = row;
          double[] swap = best;
          best = candidate;
          candidate = swap;
        }
      }
      System.arraycopy(data, bestRow * dims, centres, c * dims, dims);
      System.arraycopy(best, 0, closest, 0, n);
      potential = bestPotential;
    }
    return centres;
  }

  /** The row where the cumulative weight first exceeds {@code target}. */
  private static int sample(double[] weights, double total, double target) {
    if (total <= 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      if (sum > target) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static double distance(double[] a, int ai, double[] b, int bi, int dims) {
    double s = 0;
    for (int j = 0; j < dims; j++) {
      double d = a[ai + j] - b[bi + j];
      s += d * d;
    }
    return s;
  }

  // --- one Lloyd step over a range of rows

  /** Partial sums of one chunk: per-cluster sums and counts, rows moved, inertia. */
  private static final class Step {
    final double[] sums;
    final long[] counts;
    long changed;
    double inertia;

    Step(int k, int dims) {
      sums = new double[k * dims];
      counts = new long[k];
    }

    Step merge(Step o) {
      for (int i = 0; i < sums.length; i++) {
        sums[i] += o.sums[i];
      }
      for (int i = 0; i < counts.length; i++) {
        counts[i] += o.counts[i];
      }
      changed += o.changed;
      inertia += o.inertia;
      return this;
    }
  }

  private final class Assign extends RecursiveTask<Step> {
    private static final long serialVersionUID = 1L;
    private final transient double[] data;
    private final int dims;
    private final transient double[] centres;
    private final int[] labels;
    private final int from;
    private final int to;
    private final boolean update;

    Assign(
        double[] data, int dims, double[] centres, int[] labels, int from, int to, boolean update) {
      this.data = data;
      this.dims = dims;
      this.centres = centres;
      this.labels = labels;
      this.from = from;
      this.to = to;
      this.update = update;
    }

    @Override
    protected Step compute() {
      if (to - from > CHUNK) {
        int mid = from + Math.max(1, (to - from) / CHUNK / 2) * CHUNK;
        Assign left = new Assign(data, dims, centres, labels, from, mid, update);
        Assign right = new Assign(data, dims, centres, labels, mid, to, update);
        left.fork();
        Step r = right.compute();
        return left.join().merge(r);
      }
      Step s = new Step(k, dims);
      for (int i = from; i < to; i++) {
        int base = i * dims;
        int nearest = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          double d = distanceBounded(data, base, centres, c * dims, dims, best);
          if (d < best) {
            best = d;
            nearest = c;
          }
        }
        s.inertia += best;
        if (labels[i] != nearest) {
          s.changed++;
          labels[i] = nearest;
        }
        if (update) {
          s.counts[nearest]++;
          int o = nearest * dims;
          for (int j = 0; j < dims; j++) {
            s.sums[o + j] += data[base + j];
          }
        }
      }
      return s;
    }
  }

  /** Squared distance, giving up (returning a value ≥ bound) once it exceeds {@code bound}. */
  private static double distanceBounded(
      double[] a, int ai, double[] b, int bi, int dims, double bound) {
    double s = 0;
    int j = 0;
    for (; j + 4 <= dims; j += 4) {
      double d0 = a[ai + j] - b[bi + j];
      double d1 = a[ai + j + 1] - b[bi + j + 1];
      double d2 = a[ai + j + 2] - b[bi + j + 2];
      double d3 = a[ai + j + 3] - b[bi + j + 3];
      s += d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3;
      if (s >= bound) {
        return s;
      }
    }
    for (; j < dims; j++) {
      double d = a[ai + j] - b[bi + j];
      s += d * d;
    }
    return s;
  }
}
