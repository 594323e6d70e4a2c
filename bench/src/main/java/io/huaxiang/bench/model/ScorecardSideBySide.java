package io.huaxiang.bench.model;

import io.huaxiang.model.data.CsvReader;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.data.Split;
import io.huaxiang.model.metrics.ModelMetrics;
import io.huaxiang.model.pipeline.Evaluation;
import io.huaxiang.model.pipeline.ProgressListener;
import io.huaxiang.model.pipeline.ScorecardPipeline;
import io.huaxiang.model.pipeline.TrainedScorecard;
import io.huaxiang.model.pipeline.TrainingConfig;
import io.huaxiang.model.report.ModelReport;
import io.huaxiang.model.scorecard.ScorecardModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Runs the automatic scorecard pipeline on the five shared datasets with one configuration and
 * prints test AUC, KS and whole-process time as a Markdown table.
 *
 * <p>Usage: {@code ScorecardSideBySide [shared/data dir] [repeats] [dataset folder]}; the
 * whole-process time is the best of {@code repeats} runs (read CSV, bin, select, fit, scale,
 * evaluate, write model); a dataset folder name runs that dataset only.
 */
public final class ScorecardSideBySide {

  /** One shared dataset and how to read its target. */
  record Spec(String folder, String file, String target, String positive, Set<String> exclude) {}

  static final List<Spec> DATASETS =
      List.of(
          new Spec("german_credit", "germancredit.csv", "creditability", "bad", Set.of()),
          new Spec("taiwan_default", "UCI_Credit_Card.csv", "Y", "1", Set.of()),
          // call duration is known only after the call and almost decides the outcome
          new Spec("bank_marketing", "bank-full.csv", "y", "yes", Set.of("duration")),
          new Spec("australian_credit", "australian.csv", "A15", "1", Set.of()),
          new Spec("lending_club", "lending_club.csv", "Class", "bad", Set.of()));

  private ScorecardSideBySide() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data");
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    boolean verbose = Boolean.getBoolean("verbose");
    System.out.println(
        "| dataset | features in | test AUC (prob) | test AUC (int points) | test KS | KS at"
            + " points | train AUC | whole process s (best of "
            + repeats
            + ") |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (Spec spec : DATASETS) {
      if (args.length > 2 && !spec.folder().equals(args[2])) {
        continue;
      }
      Path folder = dir.resolve(spec.folder());
      double best = Double.POSITIVE_INFINITY;
      Result result = null;
      for (int r = 0; r < repeats; r++) {
        long t0 = System.nanoTime();
        result = run(folder, spec);
        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
      }
      ModelMetrics m = result.test().metrics();
      System.out.printf(
          "| %s | %d | %.4f | %.4f | %.4f | %.0f | %.4f | %.2f |%n",
          spec.folder(),
          result.trained().model().features().size(),
          m.auc(),
          m.pointsAuc(),
          m.ks(),
          m.ksPoints(),
          result.trained().train().metrics().auc(),
          best);
      String reports = System.getProperty("reports");
      if (reports != null) {
        writeReport(Path.of(reports), folder, spec, result);
      }
      if (verbose) {
        System.out.println(result.trained().selection().print());
        result.trained().binnings().forEach(System.out::print);
        System.out.println(result.trained().fit());
      }
    }
  }

  record Result(TrainedScorecard trained, Evaluation test) {}

  /** Writes the HTML report and the model JSON of one dataset into {@code dir}. */
  static void writeReport(Path dir, Path folder, Spec spec, Result result) throws Exception {
    Files.createDirectories(dir);
    Dataset all = CsvReader.read(folder.resolve(spec.file()));
    Split split = Split.read(folder.resolve("split.csv"));
    Dataset train = all.select(split.train());
    Dataset test = all.select(split.test());
    ScorecardModel model = result.trained().model();
    new ModelReport(
            result.trained(),
            result.test(),
            ScorecardPipeline.scoreStability(model, train, test),
            ScorecardPipeline.featureStability(model, train, test))
        .write(dir.resolve(spec.folder() + ".html"));
    model.withMetrics("test", result.test().metrics()).save(dir.resolve(spec.folder() + ".json"));
  }

  static Result run(Path folder, Spec spec) throws Exception {
    Dataset all = CsvReader.read(folder.resolve(spec.file()));
    Split split = Split.read(folder.resolve("split.csv")).checkAgainst(all);
    TrainingConfig config =
        TrainingConfig.defaults(spec.target(), spec.positive())
            .withName(spec.folder())
            .excluding(spec.exclude());
    TrainedScorecard trained =
        ScorecardPipeline.train(all.select(split.train()), config, ProgressListener.NONE);
    Evaluation test = ScorecardPipeline.evaluate(trained.model(), all.select(split.test()), "test");
    ScorecardModel model = trained.model().withMetrics("test", test.metrics());
    Path out = Files.createTempFile("scorecard-" + spec.folder(), ".json");
    model.save(out);
    Files.delete(out);
    return new Result(trained, test);
  }
}
