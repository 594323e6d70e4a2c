package io.huaxiang.server.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.server.Http;
import io.huaxiang.store.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Segments over real portraits: validation errors, versions, members, consent, export. */
// close this context (and its database pool) right after the class, while the test database
// still runs; closing everything at JVM exit raced the database shutdown
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SegmentApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @LocalServerPort int port;
  private Http http;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
  }

  @Test
  void definesVersionsAndEvaluatesSegmentsOverPortraits() throws Exception {
    String batch =
        "["
            + user("sg-a", "1996-01-10", 1, true)
            + ","
            + user("sg-b", "1980-01-10", 2, false)
            + ","
            + user("sg-c", "2000-05-01", 1, false)
            + ","
            + user("sg-d", "1995-01-10", 4, true)
            + "]";
    assertThat(send("POST", "/api/v1/events/batch", batch).get("accepted").asInt()).isEqualTo(8);

    JsonNode bad =
        send("POST", "/api/v1/segments/validate", "{\"expression\":\"age between 20 and\"}");
    assertThat(bad.get("reason").asText()).isEqualTo("INVALID_EXPRESSION");
    assertThat(bad.get("column").asInt()).isGreaterThan(15);
    assertThat(bad.get("expected").toString()).isNotEqualTo("[]");
    JsonNode typo = send("POST", "/api/v1/segments/validate", "{\"expression\":\"city_teir = 1\"}");
    assertThat(typo.get("suggestions").toString()).contains("city_tier");

    String young =
        "{\"name\":\"young-big-city\",\"expression\":\"age between 20 and 40 and city_tier in (1, 2)\"}";
    JsonNode v1 = send("POST", "/api/v1/segments", young);
    assertThat(v1.at("/definition/version").asInt()).isEqualTo(1);
    assertThat(v1.get("size").asInt()).isEqualTo(2); // sg-a (30, tier 1) and sg-c (26, tier 1)
    JsonNode v2 = send("POST", "/api/v1/segments", young.replace("(1, 2)", "(1, 2, 4)"));
    assertThat(v2.at("/definition/version").asInt()).isEqualTo(2);
    assertThat(v2.get("size").asInt()).isEqualTo(3);

    JsonNode members = send("GET", "/api/v1/segments/young-big-city/members", null);
    assertThat(members.get("user_ids").toString()).isEqualTo("[\"sg-a\",\"sg-c\",\"sg-d\"]");
    JsonNode marketing =
        send("GET", "/api/v1/segments/young-big-city/members?purpose=marketing", null);
    assertThat(marketing.get("user_ids").toString()).isEqualTo("[\"sg-a\",\"sg-d\"]");

    HttpResponse<String> csv =
        raw(
            "GET",
            "/api/v1/segments/young-big-city/export.csv?fields=distinct_devices_lifetime",
            null);
    assertThat(csv.body())
        .isEqualTo("user_id,distinct_devices_lifetime\nsg-a,0.0\nsg-c,0.0\nsg-d,0.0\n");
    assertThat(
            send("GET", "/api/v1/segments/young-big-city/export.csv?fields=age", null)
                .get("reason")
                .asText())
        .isEqualTo("FIELD_NOT_EXPORTABLE");
    assertThat(send("GET", "/api/v1/segments/young-big-city/versions", null)).hasSize(2);
    assertThat(raw("GET", "/api/v1/segments/nope/members", null).statusCode()).isEqualTo(404);
  }

  private static String user(String id, String birth, int tier, boolean marketingConsent) {
    return "{\"type\":\"user_registered\",\"id\":\""
        + id
        + "-r\",\"user_id\":\""
        + id
        + "\","
        + "\"occurred_at\":\"2026-11-01T10:00:00+08:00\",\"source\":\"app\",\"birth_date\":\""
        + birth
        + "\","
        + "\"city_tier\":"
        + tier
        + "},"
        + "{\"type\":\"consent_changed\",\"id\":\""
        + id
        + "-c\",\"user_id\":\""
        + id
        + "\","
        + "\"occurred_at\":\"2026-11-01T10:01:00+08:00\",\"source\":\"app\",\"purpose\":\"marketing\","
        + "\"granted\":"
        + marketingConsent
        + ",\"notice_version\":\"v1\"}";
  }

  private JsonNode send(String method, String path, String body) throws Exception {
    return JSON.readTree(raw(method, path, body).body());
  }

  private HttpResponse<String> raw(String method, String path, String body) throws Exception {
    if (http == null) {
      http = new Http(port);
    }
    return http.raw(method, path, body);
  }
}
