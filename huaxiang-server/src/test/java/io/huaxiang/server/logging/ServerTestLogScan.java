package io.huaxiang.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.privacy.LogRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The log scanner over the whole server test run: every line the server's test JVM wrote (Spring,
 * Tomcat, Huaxiang, the tests themselves; surefire keeps it in {@code target/surefire-reports/
 * *-output.txt}) must hold no resident ID number, mobile phone or bank card in clear.
 *
 * <p>Runs after all other tests, in its own surefire execution ({@code scan-test-logs} in the
 * server's pom, phase integration-test); its name matches none of surefire's default patterns so
 * the ordinary run leaves it out.
 */
class ServerTestLogScan {
  private static final Path REPORTS = Path.of("target", "surefire-reports");

  @Test
  void theTestRunsLogsHoldNoIdentifierInClear() throws IOException {
    List<Path> logs;
    try (Stream<Path> files = Files.list(REPORTS)) {
      logs =
          files
              .filter(
                  p ->
                      p.getFileName().toString().endsWith("-output.txt")
                          || p.getFileName().toString().endsWith(".dumpstream"))
              .sorted()
              .toList();
    }
    assertThat(logs).as("the test run's output files in " + REPORTS).isNotEmpty();
    List<String> findings = new ArrayList<>();
    long lines = 0;
    for (Path log : logs) {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (int i = 0; i < all.size(); i++) {
        lines++;
        if (LogRedactor.containsPersonalData(all.get(i))) {
          // the finding is reported masked: the report must not leak what it found
          findings.add(log.getFileName() + ":" + (i + 1) + ": " + LogRedactor.redact(all.get(i)));
        }
      }
    }
    assertThat(lines).as("lines scanned").isPositive();
    assertThat(findings).as("log lines with an ID number, phone or card in clear").isEmpty();
  }
}
