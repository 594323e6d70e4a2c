package io.huaxiang.bench.model;

import io.huaxiang.model.binning.Binner;
import io.huaxiang.model.binning.BinningConfig;
import io.huaxiang.model.binning.FeatureBinning;
import io.huaxiang.model.data.BinaryTarget;
import io.huaxiang.model.data.Column;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.pipeline.Evaluation;
import io.huaxiang.model.pipeline.ScorecardPipeline;
import io.huaxiang.model.regression.LogisticFit;
import io.huaxiang.model.regression.LogisticRegression;
import io.huaxiang.model.report.ModelReport;
import io.huaxiang.model.scorecard.ModelInfo;
import io.huaxiang.model.scorecard.Scaling;
import io.huaxiang.model.scorecard.ScorecardModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times binning, logistic regression and the HTML report on a large seeded synthetic sample.
 *
 * <p>Usage: {@code LargeScaleBench [rows=1000000] [features=30]}.
 */
public final class LargeScaleBench {
  private LargeScaleBench() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int features = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Dataset data = new SyntheticCredit(42).generate(rows, features);
    int[] y = BinaryTarget.of(data, "bad", "1").labels();
    List<Column> columns = new ArrayList<>(data.columns());
    columns.removeIf(c -> c.name().equals("bad"));
    long t0 = System.nanoTime();
    List<FeatureBinning> binnings = new Binner(BinningConfig.defaults()).fitAll(columns, y);
    long t1 = System.nanoTime();
    double[][] x = new double[columns.size()][];
    List<String> names = new ArrayList<>();
    for (int j = 0; j < columns.size(); j++) {
      x[j] = binnings.get(j).transform(columns.get(j));
      names.add(columns.get(j).name());
    }
    long t2 = System.nanoTime();
    // noise features get WoE near 0 but not exactly, so all 30 stay in: the worst case for the fit
    LogisticFit fit = new LogisticRegression(1).fit(names, x, y);
    long t3 = System.nanoTime();
    // the report: scale to points, evaluate on all rows, write the HTML (charts, bins, stability)
    ScorecardModel model =
        ScorecardModel.build(
            binnings,
            fit.intercept(),
            fit.coefficients(),
            Map.of(),
            Scaling.defaults(),
            new ModelInfo(
                "large",
                ModelInfo.FORMAT_VERSION,
                ModelInfo.LIBRARY_VERSION,
                null,
                "bad",
                "1",
                null,
                Map.of()));
    Evaluation all = ScorecardPipeline.evaluate(model, data, "all");
    Path report;
    try {
      report = Files.createTempFile("large-report", ".html");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    new ModelReport(
            model,
            all,
            all,
            null,
            ScorecardPipeline.scoreStability(model, data, data),
            ScorecardPipeline.featureStability(model, data, data))
        .write(report);
    long t4 = System.nanoTime();
    System.out.printf(
        "rows %d, features %d, cores %d%nbinning %.2f s, WoE transform %.2f s, logistic regression"
            + " %.2f s (%d Newton steps), report %.2f s (%,d bytes), total %.2f s%n",
        rows,
        columns.size(),
        Runtime.getRuntime().availableProcessors(),
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        (t3 - t2) / 1e9,
        fit.iterations(),
        (t4 - t3) / 1e9,
        report.toFile().length(),
        (t4 - t0) / 1e9);
  }
}
