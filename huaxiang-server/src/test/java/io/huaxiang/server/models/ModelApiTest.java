package io.huaxiang.server.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.gbdt.GbdtConfig;
import io.huaxiang.gbdt.GbdtModel;
import io.huaxiang.gbdt.GbdtTrainer;
import io.huaxiang.model.artifact.ArtifactCodec;
import io.huaxiang.model.data.CsvReader;
import io.huaxiang.model.pipeline.ProgressListener;
import io.huaxiang.model.pipeline.ScorecardPipeline;
import io.huaxiang.model.pipeline.TrainingConfig;
import io.huaxiang.model.scorecard.ScorecardModel;
import io.huaxiang.server.Http;
import io.huaxiang.store.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Register a trained scorecard, promote it with four eyes, score an applicant over HTTP. */
// close this context (and its database pool) right after the class, while the test database
// still runs; closing everything at JVM exit raced the database shutdown
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelApiTest {
  private static final Path GERMAN =
      Path.of("../huaxiang-model/src/test/resources/german_credit_200.csv");
  private static final ObjectMapper JSON = new ObjectMapper();
  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
  }

  @Test
  void registersPromotesAndScoresAModel() throws Exception {
    var data = CsvReader.read(GERMAN);
    ScorecardModel card =
        ScorecardPipeline.train(
                data,
                TrainingConfig.defaults("creditability", "bad").withName("german-pd"),
                ProgressListener.NONE)
            .model();
    Path file = Files.createTempFile("german", ".json");
    card.save(file);

    Reply created = post("/api/v1/models", Files.readString(file), "risk_analyst");
    assertThat(created.status()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(created.body().get("status").asText()).isEqualTo("DRAFT");

    assertThat(
            post(
                    "/api/v1/models/" + id + "/status",
                    "{\"status\":\"champion\"}",
                    "risk_analyst") // the registrant cannot approve (four eyes)
                .body()
                .get("reason")
                .asText())
        .isEqualTo("INVALID_STATUS_CHANGE");
    assertThat(
            post(
                    "/api/v1/models/" + id + "/status",
                    "{\"status\":\"champion\",\"approver\":\"risk_analyst\"}",
                    "admin") // the approver is the signed-in admin, whatever the body says
                .body()
                .get("status")
                .asText())
        .isEqualTo("CHAMPION");

    Map<String, Object> applicant = data.row(0);
    Reply scored =
        post("/api/v1/models/" + id + "/score", JSON.writeValueAsString(applicant), null);
    assertThat(scored.status()).isEqualTo(200);
    assertThat(scored.body().get("points").asInt()).isEqualTo(card.points(applicant));
    assertThat(scored.body().get("reasons").get(0).get("text_zh").asText()).isNotBlank();

    assertThat(
            post("/api/v1/models", "{\"not\":\"a model\"}", "risk_analyst")
                .body()
                .get("reason")
                .asText())
        .isEqualTo("INVALID_MODEL");
    assertThat(post("/api/v1/models/999999/score", "{}", null).status()).isEqualTo(404);
  }

  @Test
  void servesTheReportAndFlagsAShiftedPopulationInTheStabilityOfLoggedScores() throws Exception {
    var data = CsvReader.read(GERMAN);
    ScorecardModel card =
        ScorecardPipeline.train(
                data,
                TrainingConfig.defaults("creditability", "bad").withName("german-monitor"),
                ProgressListener.NONE)
            .model();
    long id =
        post("/api/v1/models", ArtifactCodec.toJson(card), "risk_analyst")
            .body()
            .get("id")
            .asLong();

    // the console's card: the bins and training figures of the file, as data
    JsonNode cardJson = JSON.readTree(get("/api/v1/models/" + id + "/card").body());
    assertThat(cardJson.at("/model/name").asText()).isEqualTo("german-monitor");
    assertThat(cardJson.get("features").size()).isEqualTo(card.features().size());
    var first = card.features().get(0);
    assertThat(cardJson.at("/features/0/bins").size()).isEqualTo(first.binning().bins().size());
    assertThat(cardJson.at("/features/0/bins/0/points").asInt()).isEqualTo(first.pointsOf(0));
    assertThat(cardJson.at("/features/0/bins/0/woe").asDouble())
        .isEqualTo(first.binning().bins().get(0).woe());
    assertThat(cardJson.at("/metrics/train/auc").asDouble())
        .isEqualTo(card.info().metrics().get("train").auc());
    assertThat(cardJson.at("/score_baseline/counts").size())
        .isEqualTo(card.info().scoreBaseline().counts().length);

    HttpResponse<String> report = get("/api/v1/models/" + id + "/report");
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.headers().firstValue("content-type").orElse("")).startsWith("text/html");
    assertThat(report.body()).contains("评分卡报告 / Scorecard report", "german-monitor");

    // the training applicants themselves: stable
    java.util.List<Map<String, Object>> same = new java.util.ArrayList<>();
    for (int r = 0; r < data.rowCount(); r++) {
      same.add(data.row(r));
    }
    assertThat(
            post("/api/v1/models/" + id + "/score/batch", JSON.writeValueAsString(same), null)
                .status())
        .isEqualTo(200);
    JsonNode stable = JSON.readTree(get("/api/v1/models/" + id + "/stability").body());
    JsonNode period = stable.get("periods").get(0);
    assertThat(period.get("scores").asInt()).isEqualTo(data.rowCount());
    assertThat(period.get("psi").get("index").asDouble()).isLessThan(0.1);
    assertThat(period.get("worst").asText()).isEqualTo("STABLE");

    // then only the riskiest applicants: the score distribution and the top feature shift
    ScorecardModel back = ArtifactCodec.fromJson(ArtifactCodec.toJson(card), "copy");
    java.util.List<Map<String, Object>> risky = new java.util.ArrayList<>();
    for (Map<String, Object> a : same) {
      if (back.points(a) < back.basePoints() + 40) {
        for (int k = 0; k < 5; k++) {
          risky.add(a);
        }
      }
    }
    post("/api/v1/models/" + id + "/score/batch", JSON.writeValueAsString(risky), null);
    JsonNode shifted = JSON.readTree(get("/api/v1/models/" + id + "/stability").body());
    JsonNode now = shifted.get("periods").get(0);
    assertThat(now.get("scores").asInt()).isEqualTo(same.size() + risky.size());
    assertThat(now.get("psi").get("flag").asText()).isNotEqualTo("STABLE");
    assertThat(now.get("csi")).isNotEmpty();
    assertThat(get("/api/v1/models/" + id + "/report").body()).contains("score PSI");
    assertThat(get("/api/v1/models/" + id + "/stability?days=0").statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/models/999999/report").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/models/999999/stability").statusCode()).isEqualTo(404);
  }

  @Test
  void registersAndScoresAGbdtChallengerWithShapReasons() throws Exception {
    var data = CsvReader.read(GERMAN);
    String artifact;
    try (GbdtModel gbdt =
        new GbdtTrainer(GbdtConfig.defaults()).fit(data, "creditability", "bad")) {
      artifact = gbdt.toArtifactJson("german-gbdt", Map.of());
    }
    Reply created = post("/api/v1/models", artifact, "risk_analyst");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("kind").asText()).isEqualTo("gbdt");
    assertThat(created.body().get("name").asText()).isEqualTo("german-gbdt");
    long id = created.body().get("id").asLong();

    Map<String, Object> applicant = data.row(3);
    JsonNode one =
        post("/api/v1/models/" + id + "/score", JSON.writeValueAsString(applicant), null).body();
    try (GbdtModel local = GbdtModel.fromArtifactJson(artifact, "test")) {
      assertThat(one.get("pd").asDouble())
          .isCloseTo(local.predictPd(applicant), org.assertj.core.data.Offset.offset(1e-6));
    }
    assertThat(one.get("reasons")).isNotEmpty();
    assertThat(one.get("reasons").get(0).get("text_en").asText())
        .contains("raised the default risk");
    Reply batch =
        post(
            "/api/v1/models/" + id + "/score/batch",
            JSON.writeValueAsString(java.util.List.of(data.row(0), data.row(1))),
            null);
    assertThat(batch.body()).hasSize(2);
    assertThat(get("/api/v1/models/" + id + "/report").body()).contains("GBDT 模型报告");
    assertThat(
            JSON.readTree(get("/api/v1/models/" + id + "/stability").body()).get("reason").asText())
        .isEqualTo("NOT_A_SCORECARD");
  }

  private HttpResponse<String> get(String path) {
    // a model validator reads reports and stability
    return Http.as(port, "risk_analyst").raw("GET", path, null);
  }

  record Reply(int status, JsonNode body) {}

  /** POSTs as the test account of {@code role} (admin when null). */
  private Reply post(String path, String body, String role) {
    Http.Reply r = Http.as(port, role == null ? "admin" : role).post(path, body);
    return new Reply(r.status(), r.body());
  }
}
