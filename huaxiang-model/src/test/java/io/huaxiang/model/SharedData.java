package io.huaxiang.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huaxiang.model.data.CsvReader;
import io.huaxiang.model.data.Dataset;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared datasets and the small fixtures kept in the repository. */
public final class SharedData {
  private SharedData() {}

  /**
   * Returns the shared data folder (system property {@code huaxiang.shared.data}, else {@code
   * ../../shared/data} from the module), skipping the test when it is absent.
   */
  public static Path folder() {
    String configured = System.getProperty("huaxiang.shared.data");
    Path dir = configured != null ? Path.of(configured) : Path.of("../../shared/data");
    if (!Files.isDirectory(dir)) {
      dir = Path.of("../shared/data");
    }
    assumeTrue(
        Files.isDirectory(dir),
        "shared datasets not found at ../../shared/data (set -Dhuaxiang.shared.data=...):"
            + " skipping the real-data check");
    return dir;
  }

  /** The first 200 rows of German credit, committed as a test resource. */
  public static Dataset german200() {
    return CsvReader.read(resource("german_credit_200.csv"));
  }

  public static Path resource(String name) {
    try {
      return Path.of(SharedData.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
