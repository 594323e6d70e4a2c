package io.huaxiang.model.binning;

import java.util.Arrays;

/**
 * Finds the grouping of ordered fine bins into contiguous coarse bins with the largest total IV
 * under size, event-count, bin-count and WoE-shape constraints.
 *
 * <p>The search is exact: a dynamic programme over (bins used, shape phase, last bin) tries every
 * feasible partition, so the result is the best one, not a greedy approximation. With {@code m}
 * fine bins and {@code K} coarse bins it costs {@code O(K m^3)}: about 2 million steps for 50 fine
 * bins.
 */
final class OptimalPartition {
  private static final double NONE = Double.NEGATIVE_INFINITY;
  private static final double EPS = 1e-9;

  private final long[] events;
  private final long[] nonEvents;
  private final double totalEvents;
  private final double totalNonEvents;
  private final long minCount;
  private final int minEvents;
  private final int maxBins;

  /**
   * @param events events per fine bin, in value order
   * @param nonEvents non-events per fine bin
   * @param totalEvents events over all rows of the feature (including missing/special)
   * @param totalNonEvents non-events over all rows
   * @param minCount least rows in a coarse bin
   */
  OptimalPartition(
      long[] events,
      long[] nonEvents,
      double totalEvents,
      double totalNonEvents,
      long minCount,
      int minEvents,
      int maxBins) {
    this.events = events;
    this.nonEvents = nonEvents;
    this.totalEvents = totalEvents;
    this.totalNonEvents = totalNonEvents;
    this.minCount = minCount;
    this.minEvents = minEvents;
    this.maxBins = maxBins;
  }

  /** A partition: the last fine bin of each coarse bin, and the total IV. */
  record Result(int[] ends, double iv) {}

  /** Returns the best partition for a shape other than AUTO; one bin if nothing is feasible. */
  Result solve(Monotonicity shape) {
    return solveBoth(shape)[1];
  }

  /**
   * Solves a shape and also returns the best partition that never leaves its first phase: for PEAK
   * that is the best ASCENDING partition, for VALLEY the best DESCENDING one, so AUTO needs two
   * programmes instead of four. Index 0 = first phase only, 1 = the shape.
   */
  Result[] solveBoth(Monotonicity shape) {
    int m = events.length;
    int[] dir = directions(shape);
    boolean canSwitch = shape == Monotonicity.PEAK || shape == Monotonicity.VALLEY;
    // flat arrays, [a * m + b] for the span of fine bins a..b: the inner loop below then walks one
    // row of memory instead of chasing a pointer per subscript
    double[] iv = new double[m * m];
    double[] woe = new double[m * m];
    // a span grows only more feasible as it extends, so each start has a first feasible end
    int[] firstEnd = new int[m + 1];
    firstEnd[m] = m;
    for (int a = 0; a < m; a++) {
      long e = 0;
      long g = 0;
      firstEnd[a] = m;
      for (int b = a; b < m; b++) {
        e += events[b];
        g += nonEvents[b];
        if (firstEnd[a] == m && e + g >= minCount && e >= minEvents && g >= minEvents) {
          firstEnd[a] = b;
        }
        woe[a * m + b] = WoeMath.woe(e, g, totalEvents, totalNonEvents);
        iv[a * m + b] = WoeMath.iv(e, g, totalEvents, totalNonEvents);
      }
    }
    int kMax = Math.min(maxBins, m);
    Table t = new Table(kMax, m);
    for (int b = firstEnd[0]; b < m; b++) {
      t.best[t.index(1, 0, 0, b)] = iv[b];
    }
    for (int k = 1; k < kMax; k++) {
      for (int p = 0; p < 2; p++) {
        int same = dir[p];
        boolean switches = p == 0 && canSwitch;
        for (int b = 0; b < m - 1; b++) {
          int next = b + 1;
          if (firstEnd[next] >= m) {
            continue; // the rows after b cannot fill another bin
          }
          for (int a = 0; a <= b; a++) {
            double here = t.best[t.index(k, p, a, b)];
            if (here == NONE) {
              continue;
            }
            double w = woe[a * m + b];
            for (int c = firstEnd[next]; c < m; c++) {
              double w2 = woe[next * m + c];
              double value = here + iv[next * m + c];
              if (follows(same, w, w2)) {
                t.relax(t.index(k + 1, p, next, c), value, a, p);
              }
              if (switches && follows(dir[1], w, w2)) {
                t.relax(t.index(k + 1, 1, next, c), value, a, p);
              }
            }
          }
        }
      }
    }
    return new Result[] {backtrack(t, kMax, m, 1), backtrack(t, kMax, m, 2)};
  }

  /** Best IV per (bins used, phase, start, end) and the state it came from, in flat arrays. */
  private static final class Table {
    final double[] best;
    final int[] parentStart;
    final byte[] parentPhase;
    final int m;

    Table(int kMax, int m) {
      this.m = m;
      int size = (kMax + 1) * 2 * m * m;
      best = new double[size];
      parentStart = new int[size];
      parentPhase = new byte[size];
      Arrays.fill(best, NONE);
    }

    int index(int k, int p, int a, int b) {
      return ((k * 2 + p) * m + a) * m + b;
    }

    void relax(int i, double value, int fromStart, int fromPhase) {
      if (value > best[i]) {
        best[i] = value;
        parentStart[i] = fromStart;
        parentPhase[i] = (byte) fromPhase;
      }
    }
  }

  private Result backtrack(Table t, int kMax, int m, int phases) {
    double top = NONE;
    int bk = -1;
    int bp = -1;
    int ba = -1;
    for (int k = 1; k <= kMax; k++) {
      for (int p = 0; p < phases; p++) {
        for (int a = 0; a < m; a++) {
          // prefer fewer bins on a tie: the simpler card explains the same evidence
          double v = t.best[t.index(k, p, a, m - 1)];
          if (v > top + EPS) {
            top = v;
            bk = k;
            bp = p;
            ba = a;
          }
        }
      }
    }
    if (bk < 0) {
      long e = Arrays.stream(events).sum();
      long g = Arrays.stream(nonEvents).sum();
      return new Result(new int[] {m - 1}, WoeMath.iv(e, g, totalEvents, totalNonEvents));
    }
    int[] ends = new int[bk];
    int end = m - 1;
    int start = ba;
    int phase = bp;
    for (int k = bk; k >= 1; k--) {
      ends[k - 1] = end;
      int i = t.index(k, phase, start, end);
      int prevStart = t.parentStart[i];
      int prevPhase = t.parentPhase[i];
      end = start - 1;
      start = prevStart;
      phase = prevPhase;
    }
    return new Result(ends, top);
  }

  private static boolean follows(int dir, double w, double w2) {
    if (dir > 0) {
      return w2 > w + EPS;
    }
    if (dir < 0) {
      return w2 < w - EPS;
    }
    return true;
  }

  private static int[] directions(Monotonicity shape) {
    return switch (shape) {
      case ASCENDING -> new int[] {1, 1};
      case DESCENDING -> new int[] {-1, -1};
      case PEAK -> new int[] {1, -1};
      case VALLEY -> new int[] {-1, 1};
      case NONE -> new int[] {0, 0};
      case AUTO -> throw new IllegalArgumentException("resolve AUTO before solving");
    };
  }
}
