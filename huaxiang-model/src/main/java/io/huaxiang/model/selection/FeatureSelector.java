package io.huaxiang.model.selection;

import io.huaxiang.model.regression.LogisticFit;
import io.huaxiang.model.regression.LogisticRegression;
import io.huaxiang.model.regression.RegressionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Chooses scorecard features from WoE-encoded candidates: IV threshold, correlation filter, VIF
 * filter, stepwise search and a WoE sign check, logging each decision.
 */
public final class FeatureSelector {
  private final SelectionConfig config;
  private final LogisticRegression regression = new LogisticRegression(0);

  public FeatureSelector(SelectionConfig config) {
    this.config = config;
  }

  /**
   * Selects among candidates.
   *
   * @param iv information value by feature
   * @param woe WoE-encoded column by feature (same row order as {@code y})
   * @param y 0/1 outcome
   */
  public SelectionResult select(Map<String, Double> iv, Map<String, double[]> woe, int[] y) {
    List<SelectionStep> log = new ArrayList<>();
    List<String> byIv = new ArrayList<>(iv.keySet());
    byIv.sort(Comparator.comparingDouble((String f) -> -iv.get(f)));
    List<String> passed = new ArrayList<>();
    for (String f : byIv) {
      if (isConstant(woe.get(f))) {
        // one bin (or all rows in one bin): no regression can estimate its coefficient
        log.add(step(f, false, SelectionReason.LOW_IV, "a single bin: its WoE is constant"));
      } else if (iv.get(f) < config.minIv()) {
        log.add(
            step(f, false, SelectionReason.LOW_IV, "IV %.4f < %.4f", iv.get(f), config.minIv()));
      } else {
        passed.add(f);
      }
    }
    passed = correlationFilter(passed, woe, log);
    passed = vifFilter(passed, woe, log);
    List<String> chosen =
        switch (config.stepwise()) {
          case NONE -> passed;
          case FORWARD -> forward(passed, woe, y, log, false);
          case BOTH -> forward(passed, woe, y, log, true);
          case BACKWARD -> backward(passed, woe, y, log);
        };
    chosen = signCheck(chosen, woe, y, log);
    for (String f : chosen) {
      log.add(step(f, true, SelectionReason.KEPT, "IV %.4f", iv.get(f)));
    }
    return new SelectionResult(chosen, log);
  }

  private List<String> correlationFilter(
      List<String> candidates, Map<String, double[]> woe, List<SelectionStep> log) {
    List<String> kept = new ArrayList<>();
    for (String f : candidates) {
      String clash = null;
      double worst = 0;
      for (String k : kept) {
        double r = Math.abs(pearson(woe.get(f), woe.get(k)));
        if (r > config.maxCorrelation() && r > worst) {
          clash = k;
          worst = r;
        }
      }
      if (clash == null) {
        kept.add(f);
      } else {
        log.add(
            step(
                f,
                false,
                SelectionReason.CORRELATED,
                "|r| = %.3f > %.2f with '%s' (higher IV)",
                worst,
                config.maxCorrelation(),
                clash));
      }
    }
    return kept;
  }

  /**
   * Goes through the features from the highest IV down and keeps one only if its VIF against the
   * features kept so far stays within the limit: a feature is dropped when stronger features
   * already explain it, so the strongest feature of a collinear set always stays (removing the
   * highest VIF first could drop the best feature of the card).
   */
  private List<String> vifFilter(
      List<String> candidates, Map<String, double[]> woe, List<SelectionStep> log) {
    int k = candidates.size();
    double[][] r = new double[k][k];
    for (int a = 0; a < k; a++) {
      r[a][a] = 1;
      for (int b = a + 1; b < k; b++) {
        r[a][b] = pearson(woe.get(candidates.get(a)), woe.get(candidates.get(b)));
        r[b][a] = r[a][b];
      }
    }
    List<Integer> kept = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      kept.add(c);
      double vif = lastVif(r, kept);
      if (vif > config.maxVif()) {
        kept.remove(kept.size() - 1);
        log.add(
            step(
                candidates.get(c),
                false,
                SelectionReason.HIGH_VIF,
                "VIF %.2f > %.2f given the higher-IV features kept",
                vif,
                config.maxVif()));
      }
    }
    return kept.stream().map(candidates::get).toList();
  }

  /** VIF of the last of {@code rows} against the others, from the inverse correlation matrix. */
  private static double lastVif(double[][] r, List<Integer> rows) {
    int m = rows.size();
    if (m == 1) {
      return 1;
    }
    DMatrixRMaj corr = new DMatrixRMaj(m, m);
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < m; b++) {
        corr.set(a, b, r[rows.get(a)][rows.get(b)]);
      }
    }
    DMatrixRMaj inv = new DMatrixRMaj(m, m);
    return CommonOps_DDRM.invert(corr, inv) ? inv.get(m - 1, m - 1) : Double.POSITIVE_INFINITY;
  }

  /** VIF_j is the j-th diagonal entry of the inverse correlation matrix. */
  static double[] vif(List<String> features, Map<String, double[]> woe) {
    int k = features.size();
    DMatrixRMaj corr = new DMatrixRMaj(k, k);
    for (int a = 0; a < k; a++) {
      corr.set(a, a, 1);
      for (int b = a + 1; b < k; b++) {
        double r = pearson(woe.get(features.get(a)), woe.get(features.get(b)));
        corr.set(a, b, r);
        corr.set(b, a, r);
      }
    }
    DMatrixRMaj inv = new DMatrixRMaj(k, k);
    double[] out = new double[k];
    if (!CommonOps_DDRM.invert(corr, inv)) {
      java.util.Arrays.fill(out, Double.POSITIVE_INFINITY);
      return out;
    }
    for (int j = 0; j < k; j++) {
      out[j] = inv.get(j, j);
    }
    return out;
  }

  private List<String> forward(
      List<String> candidates,
      Map<String, double[]> woe,
      int[] y,
      List<SelectionStep> log,
      boolean checkBack) {
    List<String> in = new ArrayList<>();
    List<String> out = new ArrayList<>(candidates);
    LogisticFit current = fit(in, woe, y);
    while (!out.isEmpty() && in.size() < config.maxFeatures()) {
      double[] p = probabilities(current, in, woe, y.length);
      List<String> ranked = new ArrayList<>(out);
      Map<String, Double> score = new LinkedHashMap<>();
      for (String c : ranked) {
        score.put(c, ScoreTest.statistic(current, in, woe, woe.get(c), y, p));
      }
      ranked.sort(Comparator.comparingDouble((String c) -> -score.get(c)));
      LogisticFit accepted = null;
      String entered = null;
      for (String c : ranked) {
        if (score.get(c) < 2) {
          break; // a likelihood-ratio gain below 2 cannot lower AIC, and the score test tracks it
        }
        List<String> trial = new ArrayList<>(in);
        trial.add(c);
        LogisticFit f;
        try {
          f = fit(trial, woe, y, current);
        } catch (RegressionException e) {
          continue;
        }
        double pValue = f.pValues()[f.pValues().length - 1];
        boolean better =
            config.criterion() == Criterion.AIC
                ? f.aic() < current.aic()
                : pValue < config.pEnter();
        if (!better) {
          break;
        }
        if (f.coefficients()[trial.size() - 1] <= 0) {
          out.remove(c);
          log.add(
              step(
                  c,
                  false,
                  SelectionReason.WRONG_SIGN,
                  "coefficient %.4f <= 0 given the features already in",
                  f.coefficients()[trial.size() - 1]));
          continue;
        }
        log.add(
            step(
                c,
                true,
                SelectionReason.ENTERED,
                "score chi2 %.2f, AIC %.2f -> %.2f, p %.3g",
                score.get(c),
                current.aic(),
                f.aic(),
                pValue));
        accepted = f;
        entered = c;
        break;
      }
      if (accepted == null) {
        break;
      }
      in.add(entered);
      out.remove(entered);
      current = accepted;
      if (checkBack) {
        current = backwardPass(in, woe, y, log, current);
      }
    }
    for (String c : out) {
      log.add(
          step(
              c,
              false,
              in.size() >= config.maxFeatures()
                  ? SelectionReason.MAX_FEATURES
                  : SelectionReason.NOT_ENTERED,
              in.size() >= config.maxFeatures()
                  ? "limit of " + config.maxFeatures() + " features reached"
                  : "adds no %s gain given the features in",
              config.criterion()));
    }
    return in;
  }

  private List<String> backward(
      List<String> candidates, Map<String, double[]> woe, int[] y, List<SelectionStep> log) {
    List<String> in = new ArrayList<>(candidates);
    backwardPass(in, woe, y, log, fit(in, woe, y));
    while (in.size() > config.maxFeatures()) {
      LogisticFit f = fit(in, woe, y);
      int worst = weakest(f);
      log.add(step(in.get(worst), false, SelectionReason.MAX_FEATURES, "weakest beyond limit"));
      in.remove(worst);
    }
    return in;
  }

  /** Removes features (in place) while a removal improves the criterion; returns the last fit. */
  private LogisticFit backwardPass(
      List<String> in, Map<String, double[]> woe, int[] y, List<SelectionStep> log, LogisticFit f) {
    while (in.size() > 1) {
      int worst = weakest(f);
      String name = in.get(worst);
      double pValue = f.pValues()[worst + 1];
      List<String> trial = new ArrayList<>(in);
      trial.remove(worst);
      LogisticFit smaller = fit(trial, woe, y, f);
      boolean remove =
          config.criterion() == Criterion.AIC ? smaller.aic() < f.aic() : pValue > config.pStay();
      if (!remove) {
        break;
      }
      log.add(
          step(
              name,
              false,
              SelectionReason.REMOVED,
              "p %.3g, AIC %.2f -> %.2f without it",
              pValue,
              f.aic(),
              smaller.aic()));
      in.remove(worst);
      f = smaller;
    }
    return f;
  }

  /** Drops features with a non-positive coefficient one at a time, the most negative first. */
  private List<String> signCheck(
      List<String> chosen, Map<String, double[]> woe, int[] y, List<SelectionStep> log) {
    List<String> in = new ArrayList<>(chosen);
    while (!in.isEmpty()) {
      LogisticFit f = fit(in, woe, y);
      int worst = -1;
      for (int j = 0; j < in.size(); j++) {
        if (f.coefficients()[j] <= 0
            && (worst < 0 || f.coefficients()[j] < f.coefficients()[worst])) {
          worst = j;
        }
      }
      if (worst < 0) {
        break;
      }
      log.add(
          step(
              in.get(worst),
              false,
              SelectionReason.WRONG_SIGN,
              "coefficient %.4f <= 0: WoE inputs must all carry a positive sign",
              f.coefficients()[worst]));
      in.remove(worst);
    }
    return in;
  }

  private static int weakest(LogisticFit f) {
    int worst = 0;
    for (int j = 1; j < f.coefficients().length; j++) {
      if (f.pValues()[j + 1] > f.pValues()[worst + 1]) {
        worst = j;
      }
    }
    return worst;
  }

  /** Fits starting from {@code near}'s coefficients (0 for features it lacks). */
  private LogisticFit fit(
      List<String> features, Map<String, double[]> woe, int[] y, LogisticFit near) {
    double[][] x = new double[features.size()][];
    double[] start = new double[features.size() + 1];
    start[0] = near.intercept();
    for (int j = 0; j < x.length; j++) {
      x[j] = woe.get(features.get(j));
      int at = near.features().indexOf(features.get(j));
      start[j + 1] = at < 0 ? 0 : near.coefficients()[at];
    }
    return regression.fit(features, x, y, start);
  }

  private LogisticFit fit(List<String> features, Map<String, double[]> woe, int[] y) {
    double[][] x = new double[features.size()][];
    for (int j = 0; j < x.length; j++) {
      x[j] = woe.get(features.get(j));
    }
    return regression.fit(features, x, y);
  }

  private static double[] probabilities(
      LogisticFit f, List<String> in, Map<String, double[]> woe, int n) {
    double[] eta = new double[n];
    java.util.Arrays.fill(eta, f.intercept());
    for (int j = 0; j < in.size(); j++) {
      double b = f.coefficients()[j];
      double[] col = woe.get(in.get(j));
      for (int i = 0; i < n; i++) {
        eta[i] += b * col[i];
      }
    }
    for (int i = 0; i < n; i++) {
      eta[i] = 1 / (1 + Math.exp(-eta[i]));
    }
    return eta;
  }

  private static boolean isConstant(double[] v) {
    for (double d : v) {
      if (d != v[0]) {
        return false;
      }
    }
    return true;
  }

  static double pearson(double[] a, double[] b) {
    int n = a.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= n;
    mb /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      double da = a[i] - ma;
      double db = b[i] - mb;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
    }
    return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
  }

  private static SelectionStep step(
      String f, boolean in, SelectionReason reason, String format, Object... args) {
    return new SelectionStep(f, in, reason, String.format(format, args));
  }
}
