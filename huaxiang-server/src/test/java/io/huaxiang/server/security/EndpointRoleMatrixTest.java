package io.huaxiang.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.server.Http;
import io.huaxiang.store.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Role × endpoint: every endpoint Spring MVC serves, called by every role, by API keys of each
 * scope and by nobody, must be refused exactly where this table says. The table is written here,
 * independently of {@link EndpointRules}, so a wrong rule there fails; and the endpoints are read
 * from Spring's {@link RequestMappingHandlerMapping}, so a new endpoint without a row fails too.
 *
 * <p>To add an endpoint: a rule in {@code EndpointRules} and a row in {@link #MATRIX}.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EndpointRoleMatrixTest {
  private static final String AD = "admin";
  private static final String RA = "risk_analyst";
  private static final String RO = "risk_ops";
  private static final String MK = "marketing";
  private static final String CO = "compliance";
  private static final String AU = "auditor";
  private static final String INGEST = "key:ingest";
  private static final String DECIDE = "key:decide";
  private static final String PUBLIC = "public";

  private static final List<String> CALLERS = List.of(AD, RA, RO, MK, CO, AU, INGEST, DECIDE);
  private static final String[] EVERYONE = {AD, RA, RO, MK, CO, AU, INGEST, DECIDE};
  private static final String[] PERSONAL = {AD, RA, RO, CO};

  /** "METHOD /path/{var}" → who may call it. */
  static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

  static {
    row("POST /api/v1/auth/login", PUBLIC);
    row("POST /api/v1/auth/logout", EVERYONE);
    row("GET /api/v1/auth/me", EVERYONE);
    row("GET /api/v1/catalogue/features", EVERYONE);
    row("GET /api/v1/catalogue/tags", EVERYONE);
    row("GET /api/v1/events/schema", EVERYONE);
    row("POST /api/v1/events", AD, INGEST);
    row("POST /api/v1/events/batch", AD, INGEST);
    row("GET /api/v1/users/{userId}/portrait", PERSONAL);
    row("GET /api/v1/users/{userId}/events", PERSONAL);
    row("GET /api/v1/users/{userId}/tags/history", PERSONAL);
    row("GET /api/v1/users/{userId}/value", PERSONAL);
    row("GET /api/v1/users/{userId}/persona", PERSONAL);
    row("GET /api/v1/users/{userId}/lifecycle", PERSONAL);
    row("GET /api/v1/users/{userId}/churn-risk", PERSONAL);
    row("GET /api/v1/population/users", PERSONAL);
    for (String aggregate :
        List.of(
            "summary",
            "new-users",
            "demographics",
            "activity-heatmap",
            "funnel",
            "loans",
            "tags",
            "value-labels",
            "value-labels/classes",
            "value-tiers",
            "distribution",
            "crosstab",
            "funnel-timing",
            "repayment-cohorts",
            "vintage",
            "lifecycle/transitions")) {
      row("GET /api/v1/population/" + aggregate, AD, RA, RO, MK, CO);
    }
    row("GET /api/v1/ops/stats", AD, RO);
    row("GET /api/v1/ops/dead-letters", AD, RO);
    row("GET /api/v1/models", AD, RA, RO, CO, AU);
    row("GET /api/v1/models/{id}/report", AD, RA, RO, CO, AU);
    row("GET /api/v1/models/{id}/stability", AD, RA, RO, CO, AU);
    row("GET /api/v1/models/{id}/card", AD, RA, RO, CO, AU);
    row("POST /api/v1/models", AD, RA);
    row("POST /api/v1/models/{id}/status", AD, RA);
    row("POST /api/v1/models/{id}/score", AD, RA, RO, DECIDE);
    row("POST /api/v1/models/{id}/users/{userId}/score", AD, RA, RO, DECIDE);
    row("GET /api/v1/models/training-extract", AD, RA);
    row("GET /api/v1/users/{userId}/consents", PERSONAL);
    row("GET /api/v1/privacy/users/{userId}/export", CO);
    row("POST /api/v1/privacy/users/{userId}/corrections", CO);
    row("POST /api/v1/privacy/users/{userId}/erasure", CO);
    row("GET /api/v1/privacy/users/{userId}/legal-hold", CO);
    row("PUT /api/v1/privacy/users/{userId}/legal-hold", CO);
    row("DELETE /api/v1/privacy/users/{userId}/legal-hold", CO);
    row("GET /api/v1/aml/cases", RO, CO);
    row("POST /api/v1/models/{id}/score/batch", AD, RA, RO, DECIDE);
    row("GET /api/v1/segments", AD, RA, RO, MK);
    row("POST /api/v1/segments", AD, RA, MK);
    row("POST /api/v1/segments/validate", AD, RA, MK);
    row("GET /api/v1/segments/{name}/versions", AD, RA, RO, MK);
    row("GET /api/v1/segments/{name}/members", AD, RA, RO, MK);
    row("GET /api/v1/segments/{name}/export.csv", AD, RA, RO, MK);
    row("GET /api/v1/segments/{name}/size", AD, RA, RO, MK);
    row("GET /api/v1/segments/{name}/trend", AD, RA, RO, MK);
    row("GET /api/v1/segments/{name}/changes", AD, RA, RO, MK);
    row("GET /api/v1/personas", AD, RA, RO, MK, CO);
    row("GET /api/v1/personas/k-selection", AD, RA, RO, MK, CO);
    row("POST /api/v1/personas/fit", AD, RA, MK);
    row("POST /api/v1/churn/train", AD, RA);
    row("GET /api/v1/churn/model", AD, RA, RO, MK, CO);
    row("GET /api/v1/churn/at-risk", PERSONAL);
    row("GET /api/v1/audit", AU, CO);
    // Spring Boot's error page and springdoc's API docs
    row("POST /api/v1/decisions", AD, RA, RO, DECIDE);
    row("GET /api/v1/decisions/{id}", AD, RA, RO, CO, DECIDE);
    row("POST /api/v1/decisions/{id}/replay", AD, RA, RO, DECIDE);
    row("POST /api/v1/decisions/{id}/review-requests", AD, RA, RO, DECIDE);
    row("GET /api/v1/decisions/review-tasks", AD, RA, RO, CO);
    row("GET /api/v1/decisions/stream", AD, RA, RO, CO);
    row("POST /api/v1/decisions/dry-run", AD, RA, RO);
    row("POST /api/v1/decisions/review-tasks/{taskId}/close", AD, RO, CO);
    row("GET /api/v1/strategies", AD, RA, RO, CO, AU);
    row("POST /api/v1/strategies", AD, RA);
    row("POST /api/v1/strategies/validate", AD, RA);
    row("GET /api/v1/strategies/{id}/versions/{version}", AD, RA, RO, CO, AU);
    row("GET /api/v1/strategies/{id}/versions/{version}/what-if", AD, RA, RO);
    row("POST /api/v1/strategies/{id}/versions/{version}/activate", AD, RA);
    row("POST /api/v1/strategies/challenger/{product}/stop", AD, RA);
    row("GET /api/v1/strategies/report", AD, RA, RO, CO, AU);
    row("GET /api/v1/budgets/{product}", AD, RA, RO);
    row("PUT /api/v1/budgets/{product}/{day}", AD, RO);
    row("GET /api/v1/lists", AD, RA, RO);
    row("POST /api/v1/lists", AD, RO);
    row("POST /api/v1/lists/remove", AD, RO);
    row("GET /api/v1/offers", AD, RA, RO, MK);
    row("GET /api/v1/users/{userId}/offers", AD, RA, RO, CO, DECIDE);
    row("ANY /error", PUBLIC);
    row("GET /v3/api-docs", PUBLIC);
    row("GET /v3/api-docs/swagger-config", PUBLIC);
    row("GET /v3/api-docs.yaml", PUBLIC);
    row("GET /swagger-ui.html", PUBLIC);
  }

  @LocalServerPort int port;
  @Autowired ApiKeys apiKeys;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
  }

  @Test
  void everyEndpointHasARowAndEveryRowAnEndpoint() {
    Set<String> served = served();
    assertThat(new TreeSet<>(served))
        .as(
            "endpoints without a row in EndpointRoleMatrixTest.MATRIX: add one (and a rule in"
                + " EndpointRules)")
        .isSubsetOf(MATRIX.keySet());
    assertThat(new TreeSet<>(MATRIX.keySet()))
        .as("rows for endpoints that no longer exist")
        .isSubsetOf(served);
  }

  @Test
  void everyCallerIsRefusedExactlyWhereTheTableSays() {
    Map<String, Http> callers = new LinkedHashMap<>();
    for (String role : List.of(AD, RA, RO, MK, CO, AU)) {
      callers.put(role, Http.as(port, role));
    }
    callers.put(
        INGEST,
        Http.withApiKey(
            port, apiKeys.create("matrix-ingest", Set.of(Scope.INGEST), "test").secret()));
    callers.put(
        DECIDE,
        Http.withApiKey(
            port, apiKeys.create("matrix-decide", Set.of(Scope.DECIDE), "test").secret()));
    Http nobody = Http.anonymous(port);

    SoftAssertions soft = new SoftAssertions();
    for (var row : MATRIX.entrySet()) {
      String[] parts = row.getKey().split(" ", 2);
      String method = parts[0].equals("ANY") ? "GET" : parts[0];
      // logging out would end the session the next rows use; it is checked on its own below
      // and Spring's error page answers 500 when called directly, with no error to show
      if (parts[1].equals("/api/v1/auth/logout") || parts[1].equals("/error")) {
        continue;
      }
      String path = parts[1].replaceAll("\\{[^}]+}", "1");
      String body = method.equals("GET") ? null : "{}";
      for (String caller : CALLERS) {
        int status = callers.get(caller).raw(method, path, body).statusCode();
        boolean allowed = row.getValue().contains(caller) || row.getValue().contains(PUBLIC);
        if (allowed) {
          soft.assertThat(status)
              .as("%s may call %s %s", caller, method, path)
              .isNotIn(401, 403)
              .isLessThan(500);
        } else {
          soft.assertThat(status)
              .as("%s must be refused %s %s", caller, method, path)
              .isEqualTo(403);
        }
      }
      int anonymous = nobody.raw(method, path, body).statusCode();
      if (row.getValue().contains(PUBLIC)) {
        soft.assertThat(anonymous).as("public %s %s", method, path).isNotIn(401, 403);
      } else {
        soft.assertThat(anonymous).as("nobody signed in: %s %s", method, path).isEqualTo(401);
      }
    }
    soft.assertAll();
    for (String role : List.of(AD, MK)) {
      Http h = Http.as(port, role);
      assertThat(h.post("/api/v1/auth/logout", "").status()).isEqualTo(204);
    }
    assertThat(nobody.post("/api/v1/auth/logout", "").status()).isEqualTo(401);
  }

  @Test
  void unknownPathsAreRefusedForEveryRole() {
    for (String role : List.of(AD, RA, RO, MK, CO, AU)) {
      Http h = Http.as(port, role);
      assertThat(h.get("/api/v1/not-yet-built").status()).as(role).isEqualTo(403);
      assertThat(h.post("/api/v1/admin/anything", "{}").status()).as(role).isEqualTo(403);
      assertThat(h.get("/internal/secret").status()).as(role).isEqualTo(403);
    }
  }

  private Set<String> served() {
    Set<String> out = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      List<String> names = new ArrayList<>();
      if (methods.isEmpty()) {
        names.add("ANY");
      } else {
        methods.forEach(m -> names.add(m.name()));
      }
      for (String pattern : info.getPatternValues()) {
        for (String m : names) {
          out.add(m + " " + pattern);
        }
      }
    }
    return out;
  }

  private static void row(String endpoint, String... who) {
    if (MATRIX.put(endpoint, Set.of(who)) != null) {
      throw new IllegalStateException("two rows for " + endpoint);
    }
  }
}
