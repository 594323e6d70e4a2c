package io.huaxiang.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.event.UserId;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI imports real UCI Taiwan rows into stored portraits (48-row committed sample). */
class ImportTaiwanCommandTest {
  private static final Path SAMPLE =
      Path.of("../huaxiang-core/src/test/resources/taiwan/UCI_Credit_Card_sample.csv");

  @Test
  void importsEveryRowAsAPortraitAndIsIdempotent() throws Exception {
    String url = TestDatabase.freshUrl();
    long rows = Files.readAllLines(SAMPLE).size() - 1;

    assertThat(run(url, SAMPLE.toString())).isZero();
    String second = runOut(url, SAMPLE.toString());

    assertThat(second).contains("imported " + rows + " users", " 0 events accepted");
    try (HuaxiangRuntime rt = ImportCommandTest.runtimeOn(url)) {
      assertThat(rt.profiles().count()).isEqualTo(rows);
      rt.portraits().start();
      // client 1 of the UCI file: age 24, female, 2 months late in September 2005 (PAY_0 = 2)
      var portrait =
          rt.portraits()
              .read(new UserId("tw-1"), Instant.parse("2005-10-01T00:00:00Z"))
              .orElseThrow();
      assertThat(portrait.features().get("gender")).isEqualTo("female");
      assertThat(portrait.features().number("age")).isEqualTo(24);
      assertThat(portrait.features().number("max_dpd_lifetime")).isGreaterThanOrEqualTo(60);
    }
  }

  @Test
  void refusesAFileThatIsNotTheTaiwanDataWithExitCodeTwo() throws Exception {
    Path other = Files.createTempFile("not-taiwan", ".csv");
    Files.write(other, List.of("a,b,c", "1,2,3"));
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new HuaxiangCli()).setErr(new PrintWriter(err, true));
    assertThat(cli.execute("import-taiwan", other.toString(), "--db-url", TestDatabase.freshUrl()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("not the UCI Taiwan file");
  }

  private static int run(String url, String file) {
    return new CommandLine(new HuaxiangCli())
        .setOut(new PrintWriter(new StringWriter()))
        .execute("import-taiwan", file, "--db-url", url);
  }

  private static String runOut(String url, String file) {
    StringWriter out = new StringWriter();
    new CommandLine(new HuaxiangCli())
        .setOut(new PrintWriter(out, true))
        .execute("import-taiwan", file, "--db-url", url);
    return out.toString();
  }
}
