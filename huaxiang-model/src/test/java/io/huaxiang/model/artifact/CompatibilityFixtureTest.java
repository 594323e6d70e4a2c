package io.huaxiang.model.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.model.SharedData;
import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.scorecard.ScoreResult;
import io.huaxiang.model.scorecard.ScorecardModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model saved by version 0.1.0 must load and give the same scores forever. */
class CompatibilityFixtureTest {

  @Test
  void committedGermanModelScoresTheCommittedRowsExactlyAsWhenItWasSaved() throws Exception {
    ScorecardModel model =
        ScorecardModel.load(SharedData.resource("compat/german_scorecard_v1.json"));
    Dataset rows = SharedData.german200();
    List<String> expected =
        Files.readAllLines(SharedData.resource("compat/german_scorecard_v1_expected.csv"));
    assertThat(expected).hasSizeGreaterThan(5);
    for (String line : expected.subList(1, expected.size())) {
      String[] f = line.split(",", -1);
      ScoreResult r = model.score(rows.row(Integer.parseInt(f[0])));
      assertThat(r.points()).as("points of row " + f[0]).isEqualTo(Integer.parseInt(f[1]));
      assertThat(r.pd()).as("pd of row " + f[0]).isEqualTo(Double.parseDouble(f[2]));
      assertThat(r.reasons().isEmpty() ? "" : r.reasons().get(0).feature()).isEqualTo(f[3]);
    }
    assertThat(model.info().fingerprint().rows()).isEqualTo(200);
    assertThat(model.info().formatVersion()).isEqualTo(1);
  }

  @Test
  void resavedModelIsByteIdentical(@TempDir Path dir) throws Exception {
    Path original = SharedData.resource("compat/german_scorecard_v1.json");
    Path copy = dir.resolve("copy.json");
    ScorecardModel.load(original).save(copy);
    assertThat(Files.readString(copy)).isEqualTo(Files.readString(original));
  }

  @Test
  void newerFormatAndForeignFilesAreRefusedWithAReason(@TempDir Path dir) throws Exception {
    String text = Files.readString(SharedData.resource("compat/german_scorecard_v1.json"));
    Path newer = dir.resolve("newer.json");
    Files.writeString(newer, text.replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
    assertThatThrownBy(() -> ScorecardModel.load(newer))
        .isInstanceOf(ArtifactException.class)
        .hasMessageContaining("format version 99");
    Path junk = dir.resolve("junk.json");
    Files.writeString(junk, "{ not json");
    assertThatThrownBy(() -> ScorecardModel.load(junk))
        .isInstanceOf(ArtifactException.class)
        .hasMessageContaining("not a valid scorecard model file");
    assertThatThrownBy(() -> ScorecardModel.load(dir.resolve("absent.json")))
        .isInstanceOf(ArtifactException.class)
        .hasMessageContaining("not found");
  }
}
