package io.huaxiang.server.security;

import static org.assertj.core.api.Assertions.assertThat;

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

    assertThat(marketing.get("/api/v1/segments").body().findValuesAsText("name"))
        .containsExactly("spring-campaign");
    assertThat(analyst.get("/api/v1/segments").body().findValuesAsText("name"))
        .containsExactlyInAnyOrder("overdue-watch", "spring-campaign");

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
