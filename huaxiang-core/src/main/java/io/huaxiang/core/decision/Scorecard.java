package io.huaxiang.core.decision;

import io.huaxiang.core.expr.Bindings;
import java.util.ArrayList;
import java.util.List;

/**
 * A points scorecard over portrait features, declared in the strategy: base points plus the points
 * of the bin each feature falls in. The principal reasons of a score are the features whose points
 * fell furthest below the best their characteristic offers, so every reason names a feature that
 * actually lowered the score.
 *
 * @param id model id
 * @param version model version
 * @param basePoints points before any characteristic
 * @param baseOdds good:bad odds at the base points
 * @param pdo points to double the odds
 * @param characteristics the features and their bins
 */
public record Scorecard(
    String id,
    int version,
    int basePoints,
    double baseOdds,
    double pdo,
    List<Characteristic> characteristics) {

  public Scorecard {
    characteristics = List.copyOf(characteristics);
  }

  /**
   * One feature's bins: the first bin whose {@code below} exceeds the value applies; the last bin
   * has no upper bound. A missing value gets {@code missingPoints}.
   */
  public record Characteristic(
      String feature, int slot, String labelZh, String labelEn, List<Bin> bins, int missingPoints) {
    public Characteristic {
      bins = List.copyOf(bins);
    }

    int maxPoints() {
      int max = missingPoints;
      for (Bin b : bins) {
        max = Math.max(max, b.points());
      }
      return max;
    }

    /** The index of the bin of {@code value}, or -1 for a missing value. */
    int binOf(double value) {
      if (value != value) {
        return -1;
      }
      for (int i = 0; i < bins.size() - 1; i++) {
        if (value < bins.get(i).below()) {
          return i;
        }
      }
      return bins.size() - 1;
    }

    String binLabel(int bin) {
      if (bin < 0) {
        return "缺失 missing";
      }
      Bin b = bins.get(bin);
      String lo = bin == 0 ? null : fmt(bins.get(bin - 1).below());
      String hi = bin == bins.size() - 1 ? null : fmt(b.below());
      if (lo == null && hi == null) {
        return "any";
      }
      return lo == null ? "< " + hi : hi == null ? ">= " + lo : "[" + lo + ", " + hi + ")";
    }

    private static String fmt(double v) {
      return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
  }

  /** Values below {@code below} (for the last bin: any value) get {@code points}. */
  public record Bin(double below, int points) {}

  /** A score with the per-feature points and the principal reasons, worst first. */
  public record Result(int points, double pd, List<Reason> reasons, List<Integer> featurePoints) {}

  /** {@code id@vN}: the model version recorded with each decision. */
  public String versionTag() {
    return id + "@v" + version;
  }

  /** Scores the values in {@code bindings}; at most {@code maxReasons} reasons. */
  public Result score(Bindings bindings, int maxReasons) {
    int total = basePoints;
    int k = characteristics.size();
    int[] points = new int[k];
    int[] shortfall = new int[k];
    int[] bins = new int[k];
    List<Integer> featurePoints = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      Characteristic c = characteristics.get(j);
      bins[j] = c.binOf(bindings.number(c.slot()));
      points[j] = bins[j] < 0 ? c.missingPoints() : c.bins().get(bins[j]).points();
      shortfall[j] = c.maxPoints() - points[j];
      total += points[j];
      featurePoints.add(points[j]);
    }
    List<Reason> reasons = new ArrayList<>();
    boolean[] used = new boolean[k];
    while (reasons.size() < maxReasons) {
      int worst = -1;
      for (int j = 0; j < k; j++) {
        // ties go to the earlier characteristic, so reasons are stable across runs
        if (!used[j] && shortfall[j] > 0 && (worst < 0 || shortfall[j] > shortfall[worst])) {
          worst = j;
        }
      }
      if (worst < 0) {
        break;
      }
      used[worst] = true;
      Characteristic c = characteristics.get(worst);
      String bin = c.binLabel(bins[worst]);
      reasons.add(
          new Reason(
              "SCORE_" + c.feature().toUpperCase(java.util.Locale.ROOT),
              Stage.SCORE,
              c.labelZh() + "（" + bin + "）使评分降低 " + shortfall[worst] + " 分",
              c.labelEn() + " (" + bin + ") lowered the score by " + shortfall[worst] + " points",
              c.feature()));
    }
    return new Result(total, pd(total), List.copyOf(reasons), List.copyOf(featurePoints));
  }

  /** The probability of default implied by {@code points}, rounded to 6 decimals. */
  public double pd(int points) {
    double odds = baseOdds * Math.pow(2, (points - basePoints) / pdo);
    return Math.round(1e6 / (1 + odds)) / 1e6;
  }
}
