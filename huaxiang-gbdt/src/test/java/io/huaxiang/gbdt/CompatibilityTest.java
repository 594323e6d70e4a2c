package io.huaxiang.gbdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.huaxiang.model.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model saved by version 1 of the format must load and predict as it did when saved. */
class CompatibilityTest {
  static final Path V1 = Path.of("src/test/resources/compat/gbdt_german_v1");

  @Test
  void modelSavedByFormatOneLoadsAndPredictsAsWhenSaved() throws IOException {
    List<String> lines = Files.readAllLines(V1.resolve("expected_pd.csv"));
    Dataset data = TestData.german200();
    try (GbdtModel model = GbdtModel.load(V1)) {
      assertThat(model.target()).isEqualTo("creditability");
      double[] pd = model.predictPd(data);
      assertThat(lines).hasSize(pd.length + 1);
      for (int row = 0; row < pd.length; row++) {
        String[] cells = lines.get(row + 1).split(",");
        assertThat(pd[row]).as("row %d", row).isCloseTo(Double.parseDouble(cells[1]), within(1e-7));
      }
    }
  }
}
