package io.huaxiang.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.server.Http;
import io.huaxiang.server.Http.Reply;
import io.huaxiang.store.AuditQuery;
import io.huaxiang.store.AuditStore;
import io.huaxiang.store.EventStore;
import io.huaxiang.store.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The three ways in (session, Basic, API key), and what happens without or with forged ones. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthenticationTest {
  private static final String EVENT =
      """
      {"type":"loan_applied","id":"%s","user_id":"auth-u","occurred_at":"2026-03-01T10:00:00+08:00",
       "source":"app","application_id":"ap-%s","amount":3000,"term_months":6,"purpose":"consumption"}
      """;

  @LocalServerPort int port;
  @Autowired ApiKeys apiKeys;
  @Autowired EventStore events;
  @Autowired AuditStore audit;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
  }

  @Test
  void withoutCredentialsEveryApiCallIsA401ProblemAndPublicFilesStayOpen() {
    Http nobody = Http.anonymous(port);
    for (String path :
        new String[] {
          "/api/v1/users/u-1/portrait", "/api/v1/population/summary", "/api/v1/ops/stats",
          "/api/v1/auth/me", "/api/v1/no-such-endpoint", "/actuator/metrics"
        }) {
      Reply r = nobody.get(path);
      assertThat(r.status()).as(path).isEqualTo(401);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.body().get("reason").asText()).isEqualTo("UNAUTHENTICATED");
      assertThat(r.body().get("detail_zh").asText()).isNotBlank();
    }
    long before = events.count();
    assertThat(nobody.post("/api/v1/events", EVENT.formatted("anon-1", "anon-1")).status())
        .isEqualTo(401);
    assertThat(events.count()).as("nothing stored").isEqualTo(before);
    assertThat(nobody.raw("GET", "/", null).statusCode()).isEqualTo(200);
    assertThat(nobody.raw("GET", "/js/app.js", null).statusCode()).isEqualTo(200);
    assertThat(nobody.get("/actuator/health").status()).isEqualTo(200);
  }

  @Test
  void aForgedOrRevokedApiKeyIsRefusedAndNothingIsStored() {
    long before = events.count();
    Reply forged =
        Http.withApiKey(port, "hx_forgedforgedforgedforgedforgedforgedforged1")
            .post("/api/v1/events", EVENT.formatted("forged-1", "forged-1"));
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.body().get("reason").asText()).isEqualTo("INVALID_API_KEY");
    Reply bearer =
        Http.anonymous(port)
            .post(
                "/api/v1/events",
                EVENT.formatted("forged-2", "forged-2"),
                "Authorization",
                "Bearer hx_not-a-key");
    assertThat(bearer.status()).isEqualTo(401);

    String key = apiKeys.create("feed-revoked", Set.of(Scope.INGEST), "test").secret();
    Http client = Http.withApiKey(port, key);
    assertThat(client.post("/api/v1/events", EVENT.formatted("rv-1", "rv-1")).status())
        .isEqualTo(202);
    assertThat(apiKeys.revoke("feed-revoked")).isTrue();
    assertThat(client.post("/api/v1/events", EVENT.formatted("rv-2", "rv-2")).status())
        .isEqualTo(401);
    assertThat(events.count()).as("only the event sent before revocation").isEqualTo(before + 1);
  }

  @Test
  void anApiKeyReachesOnlyWhatItsScopesAllowAndIsTheAuditActor() {
    String key = apiKeys.create("feed-app", Set.of(Scope.INGEST), "test").secret();
    Http client = Http.withApiKey(port, key);
    assertThat(client.post("/api/v1/events", EVENT.formatted("sc-1", "sc-1")).status())
        .isEqualTo(202);
    // Authorization: Bearer works as well as X-Api-Key
    assertThat(
            Http.anonymous(port)
                .post(
                    "/api/v1/events",
                    EVENT.formatted("sc-2", "sc-2"),
                    "Authorization",
                    "Bearer " + key)
                .status())
        .isEqualTo(202);
    Reply portrait = client.get("/api/v1/users/auth-u/portrait");
    assertThat(portrait.status()).isEqualTo(403);
    assertThat(portrait.body().get("reason").asText()).isEqualTo("FORBIDDEN");
    assertThat(client.get("/api/v1/catalogue/tags").status()).isEqualTo(200);
    Reply me = client.get("/api/v1/auth/me");
    assertThat(me.body().get("kind").asText()).isEqualTo("client");
    assertThat(me.body().get("scopes").toString()).isEqualTo("[\"ingest\"]");

    assertThat(audit.awaitStored(Duration.ofSeconds(10))).isTrue();
    assertThat(audit.search(AuditQuery.latest(50).withActor("client:feed-app")))
        .extracting(e -> e.action())
        .contains("ACCESS_DENIED");
  }

  @Test
  void aSessionMustSendItsCsrfTokenToChangeAnything() {
    Http admin = new Http(port);
    assertThat(admin.get("/api/v1/auth/me").status()).isEqualTo(200);
    long before = events.count();
    // the same session, but without the X-CSRF-TOKEN header: what a forged cross-site form sends
    HttpResponse<String> forged =
        admin.exchange(
            admin
                .request("/api/v1/events")
                .header("Content-Type", "application/json")
                .setHeader("X-CSRF-TOKEN", "guessed")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        EVENT.formatted("csrf-1", "csrf-1")))
                .build());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("CSRF_TOKEN_INVALID");
    assertThat(events.count()).isEqualTo(before);
    assertThat(admin.post("/api/v1/events", EVENT.formatted("csrf-2", "csrf-2")).status())
        .isEqualTo(202);
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteStrictAndSignOutEndsIt() {
    HttpResponse<String> login =
        Http.anonymous(port)
            .raw(
                "POST",
                "/api/v1/auth/login",
                "{\"username\":\"auditor\",\"password\":\"" + Http.PASSWORD + "\"}");
    assertThat(login.statusCode()).isEqualTo(200);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("HXSESSION=").contains("HttpOnly").contains("SameSite=Strict");
    assertThat(login.body()).contains("\"role\":\"auditor\"").doesNotContain(Http.PASSWORD);

    Http auditor = Http.as(port, "auditor");
    assertThat(auditor.get("/api/v1/auth/me").body().get("features").get("audit").asBoolean())
        .isTrue();
    assertThat(auditor.post("/api/v1/auth/logout", "").status()).isEqualTo(204);
    assertThat(auditor.get("/api/v1/auth/me").status()).isEqualTo(401);
  }

  @Test
  void httpBasicWorksForScriptsAndAWrongPasswordIsA401Problem() {
    String good =
        Base64.getEncoder()
            .encodeToString(("compliance:" + Http.PASSWORD).getBytes(StandardCharsets.UTF_8));
    Reply ok = Http.anonymous(port).get("/api/v1/auth/me", "Authorization", "Basic " + good);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body().get("role").asText()).isEqualTo("compliance");
    String bad =
        Base64.getEncoder().encodeToString("compliance:wrong".getBytes(StandardCharsets.UTF_8));
    Reply refused = Http.anonymous(port).get("/api/v1/auth/me", "Authorization", "Basic " + bad);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body().get("reason").asText()).isEqualTo("BAD_CREDENTIALS");

    Reply wrongLogin =
        Http.anonymous(port)
            .post(
                "/api/v1/auth/login", "{\"username\":\"nobody\",\"password\":\"whatever-it-is\"}");
    assertThat(wrongLogin.status()).isEqualTo(401);
    assertThat(wrongLogin.body().get("detail_zh").asText()).isEqualTo("用户名或密码错误");
    assertThat(Http.anonymous(port).post("/api/v1/auth/login", "{}").status()).isEqualTo(400);
  }
}
