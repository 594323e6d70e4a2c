package io.huaxiang.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huaxiang.server.Http;
import io.huaxiang.store.SegmentStore;
import io.huaxiang.store.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Object level, by swapping ids: marketing may use the segment endpoints, but asking for a risk
 * team's segment by its name gets the same 404 as a segment that does not exist, and it cannot take
 * one over by saving a version under that name.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SegmentOwnershipTest {
  @LocalServerPort int port;
  @Autowired SegmentStore segments;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
    // the production default: aggregates hide groups of fewer than 5 people
    registry.add("huaxiang.security.min-group-size", () -> "5");
    // population analytics read the snapshots: write them often
    registry.add("huaxiang.portraits.snapshot-every", () -> "200ms");
  }

  @Test
  void aggregatesHideGroupsSmallerThanFiveAndTheSegmentFilterRespectsOwnership()
      throws InterruptedException {
    Http admin = new Http(port);
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 6; i++) {
      batch.append(registered("ka-" + i, 1, "1990-01-01")).append(',');
    }
    batch.append(registered("ka-old", 4, "1950-01-01")).append(']');
    assertThat(admin.post("/api/v1/events/batch", batch.toString()).body().get("accepted").asInt())
        .isEqualTo(7);
    Http marketing = Http.as(port, "marketing");
    Http analyst = Http.as(port, "risk_analyst");
    Http compliance = Http.as(port, "compliance");
    String tiers = "/api/v1/population/distribution?feature=city_tier";
    JsonNode exact = null;
    for (int i = 0; i < 100; i++) {
      exact = compliance.get(tiers).body();
      if (exact.get("users").asInt() == 7) {
        break;
      }
      Thread.sleep(100); // until the snapshot with every user is written
    }
    // compliance sees exact figures: the one tier-4 user is a group of 1
    assertThat(share(exact, "4").get("count").asInt()).isEqualTo(1);
    for (Http role : List.of(marketing, analyst, admin)) {
      JsonNode hidden = role.get(tiers).body();
      assertThat(share(hidden, "1").get("count").asInt()).isEqualTo(6);
      assertThat(share(hidden, "4").get("count").isNull()).isTrue();
      assertThat(share(hidden, "4").get("share").isNull()).isTrue();
      assertThat(share(hidden, "4").get("suppressed").asBoolean()).isTrue();
    }
    // a crosstab cell and a segment's size of one person are hidden the same way
    JsonNode cells =
        marketing.get("/api/v1/population/crosstab?rows=city_tier&columns=age_band").body();
    for (JsonNode cell : cells.get("cells")) {
      long n = cell.get("count").isNull() ? -1 : cell.get("count").asLong();
      assertThat(n == -1 || n == 0 || n >= 5).as(cell.toString()).isTrue();
    }
    assertThat(
            marketing
                .post("/api/v1/segments", "{\"name\":\"seniors\",\"expression\":\"age > 70\"}")
                .status())
        .isEqualTo(201);
    JsonNode size = marketing.get("/api/v1/segments/seniors/size").body();
    assertThat(size.get("tracked_size").isNull()).isTrue();
    assertThat(size.get("suppressed").asBoolean()).isTrue();
    assertThat(
            compliance
                .get("/api/v1/population/distribution?feature=age&segment=seniors")
                .body()
                .get("users")
                .asInt())
        .isEqualTo(1);

    // ID swap on the segment= filter: another team's segment looks like a missing one
    assertThat(
            analyst
                .post("/api/v1/segments", "{\"name\":\"risk-seniors\",\"expression\":\"age > 70\"}")
                .status())
        .isEqualTo(201);
    String filtered = "/api/v1/population/distribution?feature=age&segment=";
    Http.Reply swapped = marketing.get(filtered + "risk-seniors");
    Http.Reply missing = marketing.get(filtered + "no-such-segment");
    assertThat(swapped.status()).isEqualTo(missing.status()).isEqualTo(400);
    assertThat(swapped.body().get("reason").asText()).isEqualTo("UNKNOWN_SEGMENT");
    assertThat(swapped.body().get("detail").asText())
        .isEqualTo(
            missing.body().get("detail").asText().replace("no-such-segment", "risk-seniors"));
    // every population endpoint parses segment= the same way (PopulationScopes)
    for (String path :
        List.of(
            "/api/v1/population/summary?segment=",
            "/api/v1/population/demographics?segment=",
            "/api/v1/population/value-tiers?segment=",
            "/api/v1/population/funnel-timing?segment=")) {
      assertThat(marketing.get(path + "risk-seniors").status()).as(path).isEqualTo(400);
      assertThat(marketing.get(path + "seniors").status()).as(path).isEqualTo(200);
    }
    assertThat(marketing.get(filtered + "seniors").status()).isEqualTo(200);
    assertThat(analyst.get(filtered + "risk-seniors").status()).isEqualTo(200);
    assertThat(analyst.get(filtered + "seniors").status()).isEqualTo(200);
  }

  private static JsonNode share(JsonNode distribution, String key) {
    for (JsonNode s : distribution.get("shares")) {
      if (s.get("key").asText().equals(key)) {
        return s;
      }
    }
    throw new AssertionError("no share " + key + " in " + distribution);
  }

  private static String registered(String user, int tier, String birth) {
    return """
        {"type":"user_registered","id":"%1$s-r","user_id":"%1$s","source":"app",
         "occurred_at":"2026-05-01T10:00:00+08:00","birth_date":"%3$s","city":"上海",
         "city_tier":%2$d}"""
        .formatted(user, tier, birth);
  }

  @Test
  void marketingCannotReachARiskSegmentByItsNameNorTakeItOver() {
    Http analyst = Http.as(port, "risk_analyst");
    Http marketing = Http.as(port, "marketing");
    assertThat(
            analyst
                .post(
                    "/api/v1/segments", "{\"name\":\"overdue-watch\",\"expression\":\"age > 18\"}")
                .status())
        .isEqualTo(201);
    assertThat(
            marketing
                .post(
                    "/api/v1/segments",
                    "{\"name\":\"spring-campaign\",\"expression\":\"age > 20\"}")
                .status())
        .isEqualTo(201);

    // (the other test of this class saves segments too: compare against the risk ones only)
    assertThat(marketing.get("/api/v1/segments").body().findValuesAsText("name"))
        .contains("spring-campaign")
        .doesNotContain("overdue-watch", "risk-seniors");
    assertThat(analyst.get("/api/v1/segments").body().findValuesAsText("name"))
        .contains("overdue-watch", "spring-campaign");

    for (String path :
        List.of("/members", "/export.csv", "/versions", "/size", "/trend", "/changes")) {
      int own = marketing.raw("GET", "/api/v1/segments/spring-campaign" + path, null).statusCode();
      var swapped = marketing.raw("GET", "/api/v1/segments/overdue-watch" + path, null);
      var missing = marketing.raw("GET", "/api/v1/segments/no-such-segment" + path, null);
      assertThat(own).as("own segment " + path).isEqualTo(200);
      assertThat(swapped.statusCode()).as("risk segment " + path).isEqualTo(404);
      assertThat(swapped.body())
          .as("indistinguishable from a missing segment")
          .isEqualTo(missing.body().replace("no-such-segment", "overdue-watch"));
      assertThat(analyst.raw("GET", "/api/v1/segments/spring-campaign" + path, null).statusCode())
          .as("the risk roles see every segment")
          .isEqualTo(200);
    }

    assertThat(
            marketing
                .post(
                    "/api/v1/segments", "{\"name\":\"overdue-watch\",\"expression\":\"age > 60\"}")
                .status())
        .isEqualTo(404);
    assertThat(segments.history("overdue-watch")).hasSize(1);
    assertThat(segments.latest("overdue-watch").orElseThrow().createdBy())
        .isEqualTo("staff:risk_analyst");
  }
}
