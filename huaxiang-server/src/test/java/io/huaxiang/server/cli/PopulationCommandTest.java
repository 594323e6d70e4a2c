package io.huaxiang.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.core.lifecycle.LifecycleThresholds;
import io.huaxiang.server.analytics.LifecycleService;
import io.huaxiang.store.Database;
import io.huaxiang.store.EventStore;
import io.huaxiang.store.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code huaxiang population} over the imported UCI Taiwan sample agrees with counts taken straight
 * from the CSV file, {@code huaxiang lifecycle} prints what the API's service computes, and both
 * refuse bad options with exit code 2.
 */
class PopulationCommandTest {
  private static final Path SAMPLE =
      Path.of("../huaxiang-core/src/test/resources/taiwan/UCI_Credit_Card_sample.csv");
  private static String url;

  @BeforeAll
  static void importSample() {
    url = TestDatabase.freshUrl();
    assertThat(
            new CommandLine(new HuaxiangCli())
                .setOut(new PrintWriter(new StringWriter()))
                .execute("import-taiwan", SAMPLE.toString(), "--db-url", url))
        .isZero();
  }

  @Test
  void genderSharesMatchTheSexColumnOfTheFile() throws Exception {
    List<String> rows = Files.readAllLines(SAMPLE);
    List<String> header = List.of(rows.get(0).replace("\"", "").split(","));
    // the UCI file names the columns X1..X23; X2 is SEX (1 = male, 2 = female)
    int sex = header.contains("SEX") ? header.indexOf("SEX") : header.indexOf("X2");
    long male = rows.stream().skip(1).filter(r -> r.split(",")[sex].equals("1")).count();
    long female = rows.stream().skip(1).filter(r -> r.split(",")[sex].equals("2")).count();

    JsonNode d = json(run(0, "population", "distribution", "--feature", "gender"));

    assertThat(d.get("users").asLong()).isEqualTo(rows.size() - 1);
    assertThat(count(d, "male")).isEqualTo(male);
    assertThat(count(d, "female")).isEqualTo(female);
  }

  @Test
  void ageHistogramCountsEveryImportedClient() throws Exception {
    JsonNode d = json(run(0, "population", "distribution", "--feature", "age", "--bins", "5"));
    long binned = 0;
    for (JsonNode b : d.get("bins")) {
      binned += b.get("count").asLong();
    }
    assertThat(binned).isEqualTo(Files.readAllLines(SAMPLE).size() - 1);
    assertThat(d.get("bins").size()).isBetween(3, 11);
  }

  @Test
  void refusesUnknownFeaturesAndSegmentsWithExitCodeTwo() {
    assertThat(run(2, "population", "distribution", "--feature", "city_teir")).isEmpty();
    assertThat(run(2, "population", "funnel", "--segment", "nope")).isEmpty();
    assertThat(run(2, "population", "vintage", "--months", "0")).isEmpty();
    assertThat(run(2, "population", "nonsense")).isEmpty();
  }

  @Test
  void lifecycleCommandsPrintWhatTheApisServiceComputes() throws Exception {
    try (Database db = Database.external(url, "postgres", null, 2)) {
      ZoneId zone = ZoneId.of("Asia/Shanghai");
      LifecycleService service =
          new LifecycleService(
              db.dataSource(), new EventStore(db.dataSource(), new EventJson()), zone);
      LifecycleThresholds defaults = new LifecycleThresholds(30, 4, 30, 90, 30);
      LocalDate day = LocalDate.parse("2005-08-15");
      ObjectMapper mapper = CliRuntime.json();

      JsonNode history = json(run(0, "lifecycle", "history", "tw-1", "--day", day.toString()));
      assertThat(history)
          .isEqualTo(
              mapper.readTree(
                  mapper.writeValueAsString(
                      service.user(new UserId("tw-1"), day, defaults).orElseThrow())));
      JsonNode stage = json(run(0, "lifecycle", "stage", "tw-1", "--day", day.toString()));
      assertThat(stage.get("stage")).isEqualTo(history.get("stage"));
      assertThat(stage.has("history")).isFalse();

      LocalDate from = LocalDate.parse("2005-06-01");
      LocalDate to = LocalDate.parse("2005-10-01");
      JsonNode matrix =
          json(
              run(
                  0,
                  "lifecycle",
                  "transitions",
                  "--from",
                  from.toString(),
                  "--to",
                  to.toString(),
                  "--silent-after-days",
                  "20"));
      LifecycleService.Transitions expected =
          service.transitions(from, to, new LifecycleThresholds(30, 4, 20, 90, 30));
      assertThat(matrix).isEqualTo(mapper.readTree(mapper.writeValueAsString(expected)));
      assertThat(matrix.get("users").asLong()).isEqualTo(Files.readAllLines(SAMPLE).size() - 1);
    }
  }

  @Test
  void lifecycleRefusesBadInputWithExitCodeTwo() {
    assertThat(run(2, "lifecycle", "stage")).isEmpty();
    assertThat(run(2, "lifecycle", "stage", "tw-1", "--day", "15/01/2026")).isEmpty();
    assertThat(run(2, "lifecycle", "transitions", "--from", "2026-02-01", "--to", "2026-01-01"))
        .isEmpty();
    assertThat(run(2, "lifecycle", "transitions", "--segment", "nope")).isEmpty();
    assertThat(run(2, "lifecycle", "transitions", "--silent-after-days", "120")).isEmpty();
    assertThat(run(2, "lifecycle", "stages")).isEmpty();
    assertThat(run(1, "lifecycle", "history", "nobody-here")).isEmpty();
  }

  private static long count(JsonNode distribution, String key) {
    for (JsonNode s : distribution.get("shares")) {
      if (s.get("key").asText().equals(key)) {
        return s.get("count").asLong();
      }
    }
    return 0;
  }

  private static JsonNode json(String out) throws Exception {
    return new ObjectMapper().readTree(out);
  }

  private static String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db-url";
    all[args.length + 1] = url;
    int exit =
        new CommandLine(new HuaxiangCli())
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(new StringWriter(), true))
            .execute(all);
    assertThat(exit).as(String.join(" ", args)).isEqualTo(expectedExit);
    return out.toString();
  }
}
