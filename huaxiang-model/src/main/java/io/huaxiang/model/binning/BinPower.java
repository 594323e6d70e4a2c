package io.huaxiang.model.binning;

import java.util.Comparator;
import java.util.List;

/** Gini and KS of a binned feature used on its own, computed from bin counts alone. */
final class BinPower {
  private BinPower() {}

  /** Returns {gini, ks}: rows in the same bin tie, so they count one half in the AUC. */
  static double[] of(List<WoeBin> bins) {
    List<WoeBin> byRisk = bins.stream().sorted(Comparator.comparingDouble(WoeBin::woe)).toList();
    double events = byRisk.stream().mapToLong(WoeBin::events).sum();
    double nonEvents = byRisk.stream().mapToLong(WoeBin::nonEvents).sum();
    if (events == 0 || nonEvents == 0) {
      return new double[] {0, 0};
    }
    double concordant = 0;
    double cumNon = 0;
    double cumEvents = 0;
    double ks = 0;
    for (WoeBin b : byRisk) {
      concordant += b.events() * (cumNon + 0.5 * b.nonEvents());
      cumNon += b.nonEvents();
      cumEvents += b.events();
      ks = Math.max(ks, Math.abs(cumNon / nonEvents - cumEvents / events));
    }
    double auc = concordant / (events * nonEvents);
    return new double[] {2 * auc - 1, ks};
  }
}
