package io.huaxiang.gbdt;

import io.huaxiang.model.data.BinaryTarget;
import io.huaxiang.model.data.Column;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.metrics.Calibration;
import io.huaxiang.model.metrics.GainsTable;
import io.huaxiang.model.metrics.ModelMetrics;
import io.huaxiang.model.metrics.Stability;
import io.huaxiang.model.pipeline.Evaluation;
import java.util.ArrayList;
import java.util.List;

/**
 * What a GBDT model's report draws: its evaluation on a labelled sample (points on the GBDT scale),
 * score PSI and per-feature CSI between a base and a current sample, and mean |SHAP| per feature.
 * The same figures a scorecard report shows, so the two kinds read alike.
 */
public final class GbdtDiagnostics {
  /** Bands of the PSI/CSI comparisons: the base sample's deciles. */
  static final int BANDS = 10;

  private GbdtDiagnostics() {}

  /** Evaluates the model on labelled rows (the model's target column must be present). */
  public static Evaluation evaluate(GbdtModel model, Dataset data, String sample) {
    int[] labels = BinaryTarget.of(data, model.target(), model.positiveValue()).labels();
    double[] margin = model.predictMargin(data);
    double[] pd = new double[margin.length];
    double[] points = new double[margin.length];
    for (int i = 0; i < pd.length; i++) {
      pd[i] = 1 / (1 + Math.exp(-margin[i]));
      points[i] = Math.round(GbdtModel.SCALING.points(margin[i]));
    }
    return new Evaluation(
        sample,
        ModelMetrics.of(pd, points, labels),
        GainsTable.of(pd, labels, BANDS),
        Calibration.of(pd, labels, BANDS),
        points,
        pd,
        labels);
  }

  /** Score PSI between two evaluations, in bands at the base sample's score deciles. */
  public static Stability scoreStability(Evaluation base, Evaluation current) {
    return Stability.psi(base.points(), current.points(), BANDS);
  }

  /**
   * CSI of every model feature between two samples, over bands at the base sample's deciles of the
   * value the booster sees (a category's rank by training event rate); missing values fall in a
   * band of their own after the others.
   */
  public static List<Stability> featureStability(GbdtModel model, Dataset base, Dataset current) {
    List<Stability> out = new ArrayList<>();
    for (GbdtFeature f : model.features()) {
      Stability s = Stability.psi(encoded(f, base), encoded(f, current), BANDS);
      out.add(new Stability(f.name(), s.index(), s.flag(), s.rows()));
    }
    return out;
  }

  /** Mean absolute SHAP contribution (log-odds) of every model feature over the rows of data. */
  public static double[] meanAbsoluteShap(GbdtModel model, Dataset data) {
    float[][] contributions = model.contributions(data);
    int k = model.features().size();
    double[] mean = new double[k];
    for (float[] row : contributions) {
      for (int j = 0; j < k; j++) {
        mean[j] += Math.abs(row[j]);
      }
    }
    for (int j = 0; j < k; j++) {
      mean[j] /= Math.max(1, contributions.length);
    }
    return mean;
  }

  private static double[] encoded(GbdtFeature f, Dataset data) {
    Column c = data.column(f.name());
    double[] out = new double[data.rowCount()];
    for (int i = 0; i < out.length; i++) {
      Object v = c.value(i);
      if (v instanceof Double d && d.isNaN()) {
        v = null;
      }
      out[i] = f.encode(v);
    }
    return out;
  }
}
