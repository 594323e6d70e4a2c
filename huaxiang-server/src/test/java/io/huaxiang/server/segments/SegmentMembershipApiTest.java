package io.huaxiang.server.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huaxiang.server.Http;
import io.huaxiang.store.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Real-time membership: entries and exits as events arrive, new versions, size and trend. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SegmentMembershipApiTest {
  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
    // population analytics read the snapshots: write them often
    registry.add("huaxiang.portraits.snapshot-every", () -> "200ms");
  }

  @Test
  void usersEnterAndLeaveSegmentsAsTheirPortraitsChange() throws InterruptedException {
    Http http = new Http(port);
    post(http, "[" + registered("sm-a", 1) + "," + registered("sm-b", 3) + "]");

    JsonNode notApplied = save(http, "not-applied", "applications_count_lifetime = 0");
    assertThat(notApplied.get("tracked_size").asInt()).isEqualTo(2);
    assertThat(notApplied.get("entered").asInt()).isEqualTo(2);
    JsonNode applicants =
        save(http, "big-city-applicants", "applications_count_lifetime >= 1 and city_tier <= 2");
    assertThat(applicants.get("tracked_size").asInt()).isZero();

    post(http, "[" + applied("sm-a", "2026-11-02T09:30:00+08:00") + "]");
    assertThat(
            http.get("/api/v1/segments/big-city-applicants/size")
                .body()
                .get("tracked_size")
                .asInt())
        .isEqualTo(1);
    JsonNode left = http.get("/api/v1/segments/not-applied/changes").body();
    assertThat(left.get(0).get("user_id").asText()).isEqualTo("sm-a");
    assertThat(left.get(0).get("entered").asBoolean()).isFalse();
    assertThat(left.get(0).get("at").asText()).isEqualTo("2026-11-02T01:30:00Z");

    post(http, "[" + applied("sm-b", "2026-11-03T09:30:00+08:00") + "]");
    JsonNode stillOne = http.get("/api/v1/segments/big-city-applicants/size").body();
    assertThat(stillOne.get("tracked_size").asInt()).isEqualTo(1); // sm-b is in a tier-3 city
    assertThat(stillOne.get("agree").asBoolean()).isTrue();

    JsonNode v2 = save(http, "big-city-applicants", "applications_count_lifetime >= 1");
    assertThat(v2.at("/definition/version").asInt()).isEqualTo(2);
    assertThat(v2.get("entered").asInt()).isEqualTo(1);
    assertThat(v2.get("left").asInt()).isZero();
    JsonNode entries = http.get("/api/v1/segments/big-city-applicants/changes").body();
    List<String> seen = new ArrayList<>();
    entries.forEach(c -> seen.add(c.get("user_id").asText() + ":v" + c.get("version").asInt()));
    assertThat(seen).containsExactly("sm-b:v2", "sm-a:v1");

    JsonNode trend = http.get("/api/v1/segments/not-applied/trend").body();
    assertThat(trend.get("size").asInt()).isZero();
    List<String> days = new ArrayList<>();
    trend
        .get("days")
        .forEach(
            d ->
                days.add(
                    d.get("day").asText()
                        + " +"
                        + d.get("entered").asInt()
                        + " -"
                        + d.get("left").asInt()
                        + " ="
                        + d.get("size").asInt()));
    assertThat(days)
        .containsExactly("2026-11-01 +2 -0 =2", "2026-11-02 +0 -1 =1", "2026-11-03 +0 -1 =0");

    // population analytics narrowed to a segment read the members kept in real time
    JsonNode ages = null;
    for (int i = 0; i < 100; i++) {
      ages =
          http.get("/api/v1/population/distribution?feature=age&segment=big-city-applicants")
              .body();
      if (ages.get("users").asInt() == 2) {
        break;
      }
      Thread.sleep(100); // until the snapshot with both users is written
    }
    assertThat(ages.get("users").asInt()).isEqualTo(2);
    assertThat(ages.get("kind").asText()).isEqualTo("numeric");
    JsonNode tiers =
        http.get(
                "/api/v1/population/crosstab?rows=city_tier&columns=tag:lifecycle_applied"
                    + "&segment=big-city-applicants&from=2026-11-01&to=2026-12-01")
            .body();
    assertThat(tiers.get("users").asInt()).isEqualTo(2);
    assertThat(tiers.get("cells")).hasSize(2);
    assertThat(http.get("/api/v1/population/funnel-timing").body().get(1).get("users").asInt())
        .isEqualTo(2);
    assertThat(
            http.get("/api/v1/population/distribution?feature=city_teir")
                .body()
                .get("reason")
                .asText())
        .isEqualTo("UNKNOWN_FEATURE");
    assertThat(http.get("/api/v1/population/vintage?segment=nope").body().get("reason").asText())
        .isEqualTo("UNKNOWN_SEGMENT");
    assertThat(
            http.get("/api/v1/population/repayment-cohorts?from=2026-12-01&to=2026-11-01")
                .body()
                .get("reason")
                .asText())
        .isEqualTo("INVALID_RANGE");
    assertThat(
            http.get("/api/v1/population/funnel-timing?from=yesterday")
                .body()
                .get("reason")
                .asText())
        .isEqualTo("INVALID_VALUE");

    // value tiers and personas over the same two users
    assertThat(http.get("/api/v1/personas").status()).isEqualTo(404);
    // the console asks with optional=true: no fit yet is an empty answer, not an error
    assertThat(http.get("/api/v1/personas?optional=true").status()).isEqualTo(204);
    assertThat(http.post("/api/v1/personas/fit?k=0", "").body().get("reason").asText())
        .isEqualTo("INVALID_VALUE");
    assertThat(http.post("/api/v1/personas/fit?k=5", "").status()).isEqualTo(409);
    JsonNode personas = http.post("/api/v1/personas/fit?k=2&seed=7", "").body();
    assertThat(personas.get("cards")).hasSize(2);
    assertThat(http.get("/api/v1/personas?optional=true").body().get("cards")).hasSize(2);
    assertThat(http.get("/api/v1/users/sm-a/persona").body().get("persona").asInt())
        .isBetween(0, 1);
    assertThat(http.get("/api/v1/users/sm-a/value").body().at("/tier/key").asText())
        .isEqualTo("non_borrower");
    assertThat(http.get("/api/v1/users/nobody/value").status()).isEqualTo(404);
    assertThat(http.get("/api/v1/population/value-tiers").body().get("users").asInt()).isEqualTo(2);

    // lifecycle and churn warning
    JsonNode stage = http.get("/api/v1/users/sm-a/lifecycle").body();
    assertThat(stage.at("/stage/key").asText()).isEqualTo("applied");
    assertThat(stage.get("history")).hasSize(2);
    assertThat(
            http.get("/api/v1/users/sm-a/lifecycle?silent_after_days=100")
                .body()
                .get("reason")
                .asText())
        .isEqualTo("INVALID_VALUE");
    JsonNode moves =
        http.get("/api/v1/population/lifecycle/transitions?from=2026-10-31&to=2026-11-03").body();
    assertThat(moves.get("users").asInt()).isEqualTo(2);
    assertThat(moves.at("/counts/0/2").asInt()).isEqualTo(2); // not yet registered -> applied
    assertThat(http.get("/api/v1/churn/model").status()).isEqualTo(404);
    assertThat(http.post("/api/v1/churn/train", "").body().get("reason").asText())
        .isEqualTo("TOO_LITTLE_HISTORY");
    assertThat(http.get("/api/v1/churn/at-risk").status()).isEqualTo(404);

    assertThat(http.get("/api/v1/segments/nope/trend").status()).isEqualTo(404);
    assertThat(
            http.get("/api/v1/segments/not-applied/changes?limit=0").body().get("reason").asText())
        .isEqualTo("INVALID_LIMIT");
  }

  private static JsonNode save(Http http, String name, String expression) {
    Http.Reply r =
        http.post(
            "/api/v1/segments",
            "{\"name\":\"" + name + "\",\"expression\":\"" + expression + "\"}");
    assertThat(r.status()).isEqualTo(201);
    return r.body();
  }

  private static void post(Http http, String batch) {
    assertThat(http.post("/api/v1/events/batch", batch).status()).isEqualTo(200);
  }

  private static String registered(String id, int tier) {
    return """
        {"type":"user_registered","id":"%1$s-r","user_id":"%1$s",\
        "occurred_at":"2026-11-01T10:00:00+08:00","source":"app","birth_date":"1995-03-01",\
        "city_tier":%2$d}"""
        .formatted(id, tier);
  }

  private static String applied(String id, String at) {
    return """
        {"type":"loan_applied","id":"%1$s-a","user_id":"%1$s","occurred_at":"%2$s",\
        "source":"app","application_id":"%1$s-app","amount":3000,"term_months":6,\
        "purpose":"consumption"}"""
        .formatted(id, at);
  }
}
