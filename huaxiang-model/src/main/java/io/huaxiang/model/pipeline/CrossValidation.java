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
 * Seeded, stratified folds of the training rows, and the two things the pipeline validates on them
 * instead of trusting in-sample fit: out-of-fold WoE of features whose bins are learned from event
 * rates, and the L2 penalty of the final regression. Only training rows are ever used.
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
   * The L2 penalty from {@link #L2_GRID} with the best held-out log-likelihood summed over folds;
   * ties go to the larger penalty.
   */
  double chooseL2(List<String> names, double[][] x) {
    // every fold starts Newton from the all-rows fit: it is close, so a fold takes 2-3 steps
    double[] start;
    try {
      LogisticFit all = new LogisticRegression(0).fit(names, x, labels);
      start = new double[names.size() + 1];
      start[0] = all.intercept();
      System.arraycopy(all.coefficients(), 0, start, 1, names.size());
    } catch (RegressionException e) {
      start = null;
    }
    double best = 0;
    double bestLik = Double.NEGATIVE_INFINITY;
    for (double l2 : L2_GRID) {
      double lik = heldOutLogLikelihood(names, x, l2, start);
      if (lik >= bestLik - 1e-9) {
        best = l2;
        bestLik = Math.max(lik, bestLik);
      }
    }
    return best;
  }

  private double heldOutLogLikelihood(List<String> names, double[][] x, double l2, double[] start) {
    double[] byFold =
        IntStream.range(0, folds)
            .parallel()
            .mapToDouble(f -> heldOutLogLikelihood(names, x, l2, start, f))
            .toArray();
    double total = 0;
    for (double v : byFold) {
      total += v; // summed in fold order: the choice must not depend on thread timing
    }
    return total;
  }

  private double heldOutLogLikelihood(
      List<String> names, double[][] x, double l2, double[] start, int f) {
    double total = 0;
    int[] fitRows = rowsOutside(f);
    int[] heldRows = rowsInside(f);
    double[][] fitX = new double[x.length][];
    for (int j = 0; j < x.length; j++) {
      double[] col = x[j];
      fitX[j] = Arrays.stream(fitRows).mapToDouble(i -> col[i]).toArray();
    }
    int[] fitY = Arrays.stream(fitRows).map(i -> labels[i]).toArray();
    LogisticFit fit;
    try {
      fit = new LogisticRegression(l2).fit(names, fitX, fitY);
    } catch (RegressionException e) {
      return Double.NEGATIVE_INFINITY; // this penalty cannot fit a fold: never the choice
    }
    for (int i : heldRows) {
      double eta = fit.intercept();
      for (int j = 0; j < x.length; j++) {
        eta += fit.coefficients()[j] * x[j][i];
      }
      // log-likelihood of one row, written to stay finite for large |eta|
      total += labels[i] == 1 ? -Math.log1p(Math.exp(-eta)) : -Math.log1p(Math.exp(eta));
    }
    return total;
  }
}
