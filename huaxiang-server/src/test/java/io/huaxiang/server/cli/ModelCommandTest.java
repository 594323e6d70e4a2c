package io.huaxiang.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.model.scorecard.ScorecardModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `huaxiang model train|score|report` on the committed 200-row German credit sample. */
class ModelCommandTest {
  private static final Path GERMAN =
      Path.of("../huaxiang-model/src/test/resources/german_credit_200.csv");
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void trainsScoresAndReportsAModel() throws Exception {
    Path model = dir.resolve("german.json");
    Path report = dir.resolve("german.html");
    assertThat(
            run(
                "model",
                "train",
                "--data",
                GERMAN.toString(),
                "--target",
                "creditability",
                "--positive",
                "bad",
                "--out",
                model.toString(),
                "--report",
                report.toString()))
        .isZero();
    assertThat(out.toString()).contains("train  rows 200", "AUC");
    ScorecardModel card = ScorecardModel.load(model);
    assertThat(card.features()).isNotEmpty();
    assertThat(Files.readString(report)).contains("<svg");

    Path scores = dir.resolve("scores.csv");
    assertThat(
            run(
                "model",
                "score",
                "--model",
                model.toString(),
                "--data",
                GERMAN.toString(),
                "--out",
                scores.toString()))
        .isZero();
    List<String> lines = Files.readAllLines(scores);
    assertThat(lines).hasSize(201);
    assertThat(lines.get(0)).startsWith("row,points,pd,reason_1");
    // the CLI's points are the model's own points for the same row
    String[] first = lines.get(1).split(",", 4);
    assertThat(Integer.parseInt(first[1]))
        .isEqualTo(card.points(io.huaxiang.model.data.CsvReader.read(GERMAN).row(0)));
  }

  @Test
  void trainsScoresAndReportsAGbdtChallenger() throws Exception {
    Path model = dir.resolve("german-gbdt.json");
    Path report = dir.resolve("german-gbdt.html");
    assertThat(
            run(
                "model",
                "train",
                "--kind",
                "gbdt",
                "--data",
                GERMAN.toString(),
                "--target",
                "creditability",
                "--positive",
                "bad",
                "--out",
                model.toString(),
                "--report",
                report.toString()))
        .isZero();
    assertThat(out.toString()).contains("GBDT with", "train  rows 200");
    assertThat(Files.readString(report))
        .contains("GBDT 模型报告", "AUC", "ROC", "KS", "PSI", "CSI", "mean |SHAP|", "<svg");
    Path scores = dir.resolve("gbdt-scores.csv");
    assertThat(
            run(
                "model",
                "score",
                "--model",
                model.toString(),
                "--data",
                GERMAN.toString(),
                "--out",
                scores.toString()))
        .isZero();
    List<String> lines = Files.readAllLines(scores);
    assertThat(lines).hasSize(201);
    assertThat(lines.get(1)).contains("raised the default risk");
    Path html = dir.resolve("gbdt-report.html");
    assertThat(
            run(
                "model",
                "report",
                "--model",
                model.toString(),
                "--base",
                GERMAN.toString(),
                "--current",
                GERMAN.toString(),
                "--out",
                html.toString()))
        .isZero();
    String page = Files.readString(html);
    assertThat(page).contains("current", "base", "<svg", "score PSI");
    // the same sample as base and current: every stability index is 0, flagged stable
    assertThat(page).doesNotContain("flag-WATCH'>", "flag-SHIFTED'>");
    assertThat(
            run(
                "model",
                "train",
                "--algorithm",
                "forest",
                "--data",
                GERMAN.toString(),
                "--target",
                "creditability"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--kind must be scorecard or gbdt");
  }

  @Test
  void badInputIsExitCodeTwoWithAMessage() {
    assertThat(run("model", "train", "--data", dir.resolve("none.csv").toString(), "--target", "y"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no such file");
    assertThat(run("model", "train", "--data", GERMAN.toString(), "--target", "nope")).isEqualTo(2);
    assertThat(err.toString()).contains("'nope'");
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new HuaxiangCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
