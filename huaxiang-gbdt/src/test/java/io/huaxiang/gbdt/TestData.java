package io.huaxiang.gbdt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huaxiang.model.data.CsvReader;
import io.huaxiang.model.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared datasets and the German-credit fixture kept in huaxiang-model. */
final class TestData {
  private TestData() {}

  /** The first 200 rows of German credit (target {@code creditability}, positive {@code bad}). */
  static Dataset german200() {
    return CsvReader.read(Path.of("../huaxiang-model/src/test/resources/german_credit_200.csv"));
  }

  /** Returns the shared data folder, skipping the test when it is absent. */
  static Path shared() {
    String configured = System.getProperty("huaxiang.shared.data");
    Path dir = configured != null ? Path.of(configured) : Path.of("../../shared/data");
    if (!Files.isDirectory(dir)) {
      dir = Path.of("../shared/data");
    }
    assumeTrue(Files.isDirectory(dir), "shared datasets not found: skipping the real-data check");
    return dir;
  }
}
