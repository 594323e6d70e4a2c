package io.huaxiang.server.cli;

import io.huaxiang.gbdt.GbdtConfig;
import io.huaxiang.gbdt.GbdtException;
import io.huaxiang.gbdt.GbdtModel;
import io.huaxiang.gbdt.GbdtTrainer;
import io.huaxiang.model.data.BinaryTarget;
import io.huaxiang.model.data.CsvReader;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.data.Split;
import io.huaxiang.model.metrics.ModelMetrics;
import io.huaxiang.model.pipeline.Evaluation;
import io.huaxiang.model.pipeline.ModelComparison;
import io.huaxiang.model.pipeline.ScorecardPipeline;
import io.huaxiang.model.pipeline.TrainedScorecard;
import io.huaxiang.model.pipeline.TrainingConfig;
import io.huaxiang.model.report.ModelReport;
import io.huaxiang.model.scorecard.ReasonCode;
import io.huaxiang.model.scorecard.ScoreResult;
import io.huaxiang.model.scorecard.ScorecardModel;
import io.huaxiang.server.models.GbdtReportPage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Credit scorecards from the command line: train, score, report, compare (see docs/models.md). */
@Command(
    name = "model",
    description = "Train, score, report and compare scorecards. / 评分卡模型。",
    mixinStandardHelpOptions = true,
    subcommands = {
      ModelCommand.Train.class,
      ModelCommand.Score.class,
      ModelCommand.Report.class,
      ModelCommand.Compare.class
    })
final class ModelCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs a model action, turning the toolkit's input errors into exit code 2 with the message. */
  static int guarded(CommandSpec spec, Callable<Integer> action) throws Exception {
    try {
      return action.call();
    } catch (RuntimeException e) {
      if (e.getClass().getPackageName().startsWith("io.huaxiang.model")
          || e instanceof IllegalArgumentException) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      throw e;
    }
  }

  static Path existing(CommandSpec spec, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(spec.commandLine(), "no such file: " + file);
    }
    return file;
  }

  static void printMetrics(PrintWriter out, String sample, ModelMetrics m) {
    out.printf(
        Locale.ROOT,
        "%-6s rows %,d  bads %,d  AUC %.4f  Gini %.4f  KS %.4f (at %.0f points)  AUC of points %.4f  Brier %.4f%n",
        sample,
        m.rows(),
        m.events(),
        m.auc(),
        m.gini(),
        m.ks(),
        m.ksPoints(),
        m.pointsAuc(),
        m.brier());
  }

  @Command(
      name = "train",
      description = "Train a scorecard on a CSV file, with progress. / 训练评分卡。",
      mixinStandardHelpOptions = true)
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, description = "Training data (CSV, header row).")
    Path data;

    @Option(
        names = "--target",
        required = true,
        description = "The 0/1 or two-valued outcome column.")
    String target;

    @Option(
        names = "--positive",
        defaultValue = "1",
        description = "Value of the target meaning bad (default: ${DEFAULT-VALUE}).")
    String positive;

    @Option(
        names = "--split",
        description = "row_id,set file (train/test); without it all rows train.")
    Path split;

    @Option(names = "--exclude", split = ",", description = "Columns to leave out (ids, leaks).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--name", description = "Model name (default: the data file name).")
    String name;

    @Option(
        names = "--out",
        defaultValue = "model.json",
        description = "Model file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--report", description = "Also write the HTML model report here.")
    Path report;

    @Option(
        names = {"--kind", "--algorithm"},
        defaultValue = "scorecard",
        description =
            "scorecard (WoE points card) or gbdt (XGBoost challenger with SHAP reasons);"
                + " default: ${DEFAULT-VALUE}")
    String algorithm;

    @Override
    public Integer call() throws Exception {
      return guarded(
          spec,
          () -> {
            Dataset all = CsvReader.read(existing(spec, data));
            Split rows = split == null ? null : Split.read(existing(spec, split)).checkAgainst(all);
            Dataset train = rows == null ? all : all.select(rows.train());
            String modelName =
                name != null ? name : data.getFileName().toString().replaceFirst("\\.csv$", "");
            if ("gbdt".equalsIgnoreCase(algorithm)) {
              return trainGbdtInto(
                  spec, all, rows, train, target, positive, exclude, modelName, out, report);
            }
            if (!"scorecard".equalsIgnoreCase(algorithm)) {
              throw new ParameterException(
                  spec.commandLine(), "--kind must be scorecard or gbdt, got '" + algorithm + "'");
            }
            TrainingConfig config =
                TrainingConfig.defaults(target, positive)
                    .excluding(new HashSet<>(exclude))
                    .withName(modelName);
            ProgressBar bar = new ProgressBar(System.err, "training");
            TrainedScorecard trained =
                ScorecardPipeline.train(
                    train,
                    config,
                    (stage, fraction, message) ->
                        bar.update((long) (fraction * 1000), 1000, train.rowCount()));
            bar.finish(train.rowCount());
            PrintWriter o = spec.commandLine().getOut();
            printMetrics(o, "train", trained.train().metrics());
            Evaluation test =
                rows == null
                    ? null
                    : ScorecardPipeline.evaluate(trained.model(), all.select(rows.test()), "test");
            if (test != null) {
              printMetrics(o, "test", test.metrics());
            }
            ScorecardModel model =
                test == null
                    ? trained.model()
                    // the hold-out sample's curves replace the training ones: they are the honest
                    // view
                    : trained
                        .model()
                        .withMetrics("test", test.metrics())
                        .withCurves(ScorecardPipeline.curves(test));
            model.save(out);
            o.printf("%d features; model written to %s%n", model.features().size(), out);
            if (report != null) {
              new ModelReport(trained, test != null ? test : trained.train(), null, List.of())
                  .write(report);
              o.printf("report written to %s%n", report);
            }
            o.flush();
            return 0;
          });
    }
  }

  /** Trains the GBDT challenger, prints its metrics and writes the one-file artifact. */
  static Integer trainGbdtInto(
      CommandSpec spec,
      Dataset all,
      Split rows,
      Dataset train,
      String target,
      String positive,
      List<String> exclude,
      String modelName,
      Path out,
      Path report) {
    PrintWriter o = spec.commandLine().getOut();
    Dataset features = train.without(exclude);
    spec.commandLine().getErr().println("training GBDT (XGBoost, early stopping on 20 % hold-out)");
    try (GbdtModel model = new GbdtTrainer(GbdtConfig.defaults()).fit(features, target, positive)) {
      Map<String, ModelMetrics> metrics = new LinkedHashMap<>();
      metrics.put("train", gbdtMetrics(model, train, target, positive));
      if (rows != null) {
        metrics.put("test", gbdtMetrics(model, all.select(rows.test()), target, positive));
      }
      metrics.forEach((sample, m) -> printMetrics(o, sample, m));
      Files.writeString(out, model.toArtifactJson(modelName, metrics), StandardCharsets.UTF_8);
      o.printf(
          "GBDT with %d trees over %d features; model written to %s%n",
          model.trees(), model.features().size(), out);
      if (report != null) {
        Dataset current = rows == null ? train : all.select(rows.test());
        Files.writeString(
            report,
            GbdtReportPage.html(
                modelName,
                "trained from " + out,
                model,
                metrics,
                GbdtReportPage.Diagnostics.of(
                    model, train, current, rows == null ? "train" : "test")),
            StandardCharsets.UTF_8);
        o.printf("report written to %s%n", report);
      }
      o.flush();
      return 0;
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "cannot write " + out + ": " + e.getMessage());
    } catch (GbdtException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** AUC, KS etc. of a GBDT model on labelled rows; points on the GBDT scale. */
  static ModelMetrics gbdtMetrics(GbdtModel model, Dataset data, String target, String positive) {
    int[] labels = BinaryTarget.of(data, target, positive).labels();
    double[] margin = model.predictMargin(data);
    double[] pd = new double[margin.length];
    double[] points = new double[margin.length];
    for (int i = 0; i < pd.length; i++) {
      pd[i] = 1 / (1 + Math.exp(-margin[i]));
      points[i] = Math.round(GbdtModel.SCALING.points(margin[i]));
    }
    return ModelMetrics.of(pd, points, labels);
  }

  /** Reads a model file: a scorecard or a GBDT artifact. */
  static Scorer scorer(CommandSpec spec, Path file) {
    String json;
    try {
      json = Files.readString(existing(spec, file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
    }
    if (GbdtModel.isArtifact(json)) {
      GbdtModel model;
      try {
        model = GbdtModel.fromArtifactJson(json, file.toString());
      } catch (GbdtException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      return applicant -> model.score(applicant, ScorecardModel.DEFAULT_REASONS);
    }
    ScorecardModel card = ScorecardModel.load(file);
    return card::score;
  }

  /** Scores one applicant. */
  interface Scorer {
    ScoreResult score(Map<String, Object> applicant);
  }

  @Command(
      name = "score",
      description = "Score every row of a CSV file with reason codes. / 批量评分。",
      mixinStandardHelpOptions = true)
  static final class Score implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true)
    Path model;

    @Option(names = "--data", required = true)
    Path data;

    @Option(
        names = "--out",
        defaultValue = "scores.csv",
        description = "Output CSV (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
      return guarded(
          spec,
          () -> {
            Scorer card = scorer(spec, model);
            Dataset rows = CsvReader.read(existing(spec, data));
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
              w.write("row,points,pd,reason_1,reason_2,reason_3,reason_4");
              w.newLine();
              for (int i = 0; i < rows.rowCount(); i++) {
                ScoreResult r = card.score(rows.row(i));
                StringBuilder line =
                    new StringBuilder()
                        .append(i)
                        .append(',')
                        .append(r.points())
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.6f", r.pd()));
                for (int k = 0; k < 4; k++) {
                  line.append(',').append(k < r.reasons().size() ? csv(r.reasons().get(k)) : "");
                }
                w.write(line.toString());
                w.newLine();
              }
            } catch (IOException e) {
              throw new ParameterException(
                  spec.commandLine(), "cannot write " + out + ": " + e.getMessage());
            }
            spec.commandLine().getOut().printf("scored %,d rows into %s%n", rows.rowCount(), out);
            spec.commandLine().getOut().flush();
            return 0;
          });
    }

    private static String csv(ReasonCode r) {
      return "\""
          + (r.feature() + ": " + r.textEn() + " / " + r.textZh()).replace("\"", "\"\"")
          + "\"";
    }
  }

  @Command(
      name = "report",
      description = "HTML report of a saved model on a base and a current sample. / 模型报告。",
      mixinStandardHelpOptions = true)
  static final class Report implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true)
    Path model;

    @Option(names = "--base", required = true, description = "Labelled development sample (CSV).")
    Path base;

    @Option(names = "--current", required = true, description = "Labelled current sample (CSV).")
    Path current;

    @Option(names = "--out", defaultValue = "report.html")
    Path out;

    @Override
    public Integer call() throws Exception {
      return guarded(
          spec,
          () -> {
            String json = Files.readString(existing(spec, model), StandardCharsets.UTF_8);
            if (GbdtModel.isArtifact(json)) {
              try (GbdtModel gbdt = GbdtModel.fromArtifactJson(json, model.toString())) {
                Dataset baseData = CsvReader.read(existing(spec, base));
                Dataset currentData = CsvReader.read(existing(spec, current));
                Map<String, ModelMetrics> metrics = new LinkedHashMap<>();
                metrics.put(
                    "base", gbdtMetrics(gbdt, baseData, gbdt.target(), gbdt.positiveValue()));
                metrics.put(
                    "current", gbdtMetrics(gbdt, currentData, gbdt.target(), gbdt.positiveValue()));
                Files.writeString(
                    out,
                    GbdtReportPage.html(
                        model.getFileName().toString(),
                        "file " + model,
                        gbdt,
                        metrics,
                        GbdtReportPage.Diagnostics.of(gbdt, baseData, currentData, "current")),
                    StandardCharsets.UTF_8);
              } catch (GbdtException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
              }
            } else {
              ModelReport.of(
                      ScorecardModel.load(model),
                      CsvReader.read(existing(spec, base)),
                      CsvReader.read(existing(spec, current)))
                  .write(out);
            }
            spec.commandLine().getOut().printf("report written to %s%n", out);
            spec.commandLine().getOut().flush();
            return 0;
          });
    }
  }

  @Command(
      name = "compare",
      description = "Compare saved models on one labelled sample. / 模型对比。",
      mixinStandardHelpOptions = true)
  static final class Compare implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", required = true)
    Path data;

    @Option(
        names = "--models",
        required = true,
        split = ",",
        description = "Model files, comma-separated.")
    List<Path> models;

    @Override
    public Integer call() throws Exception {
      return guarded(
          spec,
          () -> {
            List<ScorecardModel> cards = new ArrayList<>();
            for (Path m : models) {
              cards.add(ScorecardModel.load(existing(spec, m)));
            }
            spec.commandLine()
                .getOut()
                .println(
                    ModelComparison.of(
                            cards,
                            CsvReader.read(existing(spec, data)),
                            data.getFileName().toString())
                        .table());
            spec.commandLine().getOut().flush();
            return 0;
          });
    }
  }
}
