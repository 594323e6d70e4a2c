package io.huaxiang.server.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.model.data.CsvReader;
import io.huaxiang.model.pipeline.ProgressListener;
import io.huaxiang.model.pipeline.ScorecardPipeline;
import io.huaxiang.model.pipeline.TrainingConfig;
import io.huaxiang.model.scorecard.ScorecardModel;
import io.huaxiang.server.Http;
import io.huaxiang.store.TestDatabase;
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

  record Reply(int status, JsonNode body) {}

  /** POSTs as the test account of {@code role} (admin when null). */
  private Reply post(String path, String body, String role) {
    Http.Reply r = Http.as(port, role == null ? "admin" : role).post(path, body);
    return new Reply(r.status(), r.body());
  }
}
