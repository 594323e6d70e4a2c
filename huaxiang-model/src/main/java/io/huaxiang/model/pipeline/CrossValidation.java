package io.huaxiang.model.pipeline;

import io.huaxiang.model.binning.Binner;
import io.huaxiang.model.binning.BinningConfig;
import io.huaxiang.model.binning.FeatureBinning;
import io.huaxiang.model.data.Column;
import io.huaxiang.model.regression.LogisticFit;
import io.huaxiang.model.regression.LogisticRegression;
import io.huaxiang.model.regression.RegressionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * What the pipeline validates on rows a fit did not see instead of trusting in-sample fit:
 * out-of-fold WoE of features whose bins are learned from event rates (seeded, stratified folds),
 * and the L2 penalty of the final regression (approximate leave-one-out). Only training rows are
 * ever used.
 */
final class CrossValidation {
  /** Penalties tried for the final fit; the scale is the log-likelihood's (sum over rows). */
  static final double[] L2_GRID = {0, 1, 3, 10, 30, 100};

  private final int[] fold;
  private final int folds;
  private final int[] labels;

  /** Deals events and non-events round-robin into {@code folds} folds after a seeded shuffle. */
  CrossValidation(int[] labels, int folds, long seed) {
    this.labels = labels;
    this.folds = folds;
    this.fold = new int[labels.length];
    Random random = new Random(seed);
    for (int cls = 0; cls <= 1; cls++) {
      List<Integer> rows = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == cls) {
          rows.add(i);
        }
      }
      Collections.shuffle(rows, random);
      for (int k = 0; k < rows.size(); k++) {
        fold[rows.get(k)] = k % folds;
      }
    }
  }

  private int[] rowsOutside(int held) {
    return IntStream.range(0, fold.length).filter(i -> fold[i] != held).toArray();
  }

  private int[] rowsInside(int held) {
    return IntStream.range(0, fold.length).filter(i -> fold[i] == held).toArray();
  }

  /**
   * Out-of-fold WoE: each row's WoE comes from bins fitted on the other folds, so a grouping that
   * only memorised the training rows (e.g. fifty states ordered by their own event rates) earns
   * little in selection.
   */
  Map<String, double[]> outOfFoldWoe(List<Column> columns, BinningConfig binning) {
    int n = labels.length;
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Column c : columns) {
      out.put(c.name(), new double[n]);
    }
    if (columns.isEmpty()) {
      return out;
    }
    for (int f = 0; f < folds; f++) {
      int[] fitRows = rowsOutside(f);
      int[] heldRows = rowsInside(f);
      int[] fitY = Arrays.stream(fitRows).map(i -> labels[i]).toArray();
      List<Column> fitColumns = columns.stream().map(c -> c.select(fitRows)).toList();
      List<FeatureBinning> bins = new Binner(binning).fitAll(fitColumns, fitY);
      for (int j = 0; j < columns.size(); j++) {
        double[] woe = bins.get(j).transform(columns.get(j).select(heldRows));
        double[] target = out.get(columns.get(j).name());
        for (int k = 0; k < heldRows.length; k++) {
          target[heldRows[k]] = woe[k];
        }
      }
    }
    return out;
  }

  /**
   * Information value measured on out-of-fold WoE: IV = Σ (event share − non-event share) × WoE
   * summed over rows instead of bins. It equals the usual IV for in-sample WoE and shrinks (even
   * below zero) for a binning that does not carry over to unseen rows.
   */
  double informationValue(double[] woe) {
    long events = Arrays.stream(labels).filter(v -> v == 1).count();
    long non = labels.length - events;
    double iv = 0;
    for (int i = 0; i < labels.length; i++) {
      iv += (labels[i] == 1 ? 1.0 / events : -1.0 / non) * woe[i];
    }
    return iv;
  }

  /**
   * The L2 penalty from {@link #L2_GRID} with the best approximate leave-one-out log-likelihood
   * (ties to the larger penalty): one fit on all training rows per penalty, each warm-started from
   * the previous one, instead of one fit per fold and penalty.
   *
   * <p>Leaving row i out of a fitted logistic regression moves its log-odds by one Newton step of
   * the remaining rows, which Sherman–Morrison gives in closed form: {@code eta_-i = eta_i − (y_i −
   * p_i)·h_i / (1 − w_i·h_i)} with {@code h_i = x_iᵀ J⁻¹ x_i}, J the penalised information matrix
   * (the fit's covariance inverted) and {@code w_i = p_i(1 − p_i)} (Rad and Maleki, 2020). For n ≫
   * k it matches exact leave-one-out closely and costs O(n·k²) per penalty.
   */
  double chooseL2(List<String> names, double[][] x) {
    double best = 0;
    double bestLik = Double.NEGATIVE_INFINITY;
    double[] start = null;
    for (double l2 : L2_GRID) {
      LogisticFit fit;
      try {
        fit = new LogisticRegression(l2).fit(names, x, labels, start);
      } catch (RegressionException e) {
        continue; // this penalty has no finite optimum: never the choice
      }
      start = new double[names.size() + 1];
      start[0] = fit.intercept();
      System.arraycopy(fit.coefficients(), 0, start, 1, names.size());
      double lik = leaveOneOutLogLikelihood(fit, x);
      if (lik >= bestLik - 1e-9) {
        best = l2;
        bestLik = Math.max(lik, bestLik);
      }
    }
    return best;
  }

  /** Approximate leave-one-out log-likelihood of a fit on all rows (see {@link #chooseL2}). */
  double leaveOneOutLogLikelihood(LogisticFit fit, double[][] x) {
    int k = x.length;
    double[][] c = fit.covariance();
    double[] beta = fit.coefficients();
    double[] row = new double[k + 1];
    double total = 0;
    for (int i = 0; i < labels.length; i++) {
      row[0] = 1;
      double eta = fit.intercept();
      for (int j = 0; j < k; j++) {
        row[j + 1] = x[j][i];
        eta += beta[j] * x[j][i];
      }
      double h = 0;
      for (int a = 0; a <= k; a++) {
        double[] ca = c[a];
        double s = 0;
        for (int b = 0; b <= k; b++) {
          s += ca[b] * row[b];
        }
        h += row[a] * s;
      }
      double p = 1 / (1 + Math.exp(-eta));
      double w = p * (1 - p);
      double loo = eta - (labels[i] - p) * h / Math.max(1 - w * h, 1e-12);
      total += labels[i] == 1 ? -Math.log1p(Math.exp(-loo)) : -Math.log1p(Math.exp(loo));
    }
    return total;
  }
}
