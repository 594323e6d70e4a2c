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
    double[][] iv = new double[m][m];
    double[][] woe = new double[m][m];
    boolean[][] valid = new boolean[m][m];
    for (int a = 0; a < m; a++) {
      long e = 0;
      long g = 0;
      for (int b = a; b < m; b++) {
        e += events[b];
        g += nonEvents[b];
        valid[a][b] = e + g >= minCount && e >= minEvents && g >= minEvents;
        woe[a][b] = WoeMath.woe(e, g, totalEvents, totalNonEvents);
        iv[a][b] = WoeMath.iv(e, g, totalEvents, totalNonEvents);
      }
    }
    int kMax = Math.min(maxBins, m);
    double[][][][] best = new double[kMax + 1][2][m][m];
    int[][][][] parentStart = new int[kMax + 1][2][m][m];
    byte[][][][] parentPhase = new byte[kMax + 1][2][m][m];
    for (double[][][] byPhase : best) {
      for (double[][] byStart : byPhase) {
        for (double[] row : byStart) {
          Arrays.fill(row, NONE);
        }
      }
    }
    for (int b = 0; b < m; b++) {
      if (valid[0][b]) {
        best[1][0][0][b] = iv[0][b];
      }
    }
    for (int k = 1; k < kMax; k++) {
      for (int p = 0; p < 2; p++) {
        for (int b = 0; b < m - 1; b++) {
          for (int a = 0; a <= b; a++) {
            double here = best[k][p][a][b];
            if (here == NONE) {
              continue;
            }
            double w = woe[a][b];
            for (int c = b + 1; c < m; c++) {
              if (!valid[b + 1][c]) {
                continue;
              }
              double w2 = woe[b + 1][c];
              double value = here + iv[b + 1][c];
              if (follows(dir[p], w, w2)) {
                relax(best, parentStart, parentPhase, k + 1, p, b + 1, c, value, a, p);
              }
              if (p == 0 && canSwitch && follows(dir[1], w, w2)) {
                relax(best, parentStart, parentPhase, k + 1, 1, b + 1, c, value, a, p);
              }
            }
          }
        }
      }
    }
    return new Result[] {
      backtrack(best, parentStart, parentPhase, kMax, m, 1),
      backtrack(best, parentStart, parentPhase, kMax, m, 2)
    };
  }

  private static void relax(
      double[][][][] best,
      int[][][][] parentStart,
      byte[][][][] parentPhase,
      int k,
      int p,
      int a,
      int b,
      double value,
      int fromStart,
      int fromPhase) {
    if (value > best[k][p][a][b]) {
      best[k][p][a][b] = value;
      parentStart[k][p][a][b] = fromStart;
      parentPhase[k][p][a][b] = (byte) fromPhase;
    }
  }

  private Result backtrack(
      double[][][][] best,
      int[][][][] parentStart,
      byte[][][][] parentPhase,
      int kMax,
      int m,
      int phases) {
    double top = NONE;
    int bk = -1;
    int bp = -1;
    int ba = -1;
    for (int k = 1; k <= kMax; k++) {
      for (int p = 0; p < phases; p++) {
        for (int a = 0; a < m; a++) {
          // prefer fewer bins on a tie: the simpler card explains the same evidence
          if (best[k][p][a][m - 1] > top + EPS) {
            top = best[k][p][a][m - 1];
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
      int prevStart = parentStart[k][phase][start][end];
      int prevPhase = parentPhase[k][phase][start][end];
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
