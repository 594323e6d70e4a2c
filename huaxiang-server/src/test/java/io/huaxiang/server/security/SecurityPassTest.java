package io.huaxiang.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huaxiang.server.Http;
import io.huaxiang.store.EventStore;
import io.huaxiang.store.SegmentStore;
import io.huaxiang.store.TestDatabase;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The security test pass: SQL and script injection in every text field of every event type and of
 * the other write endpoints, oversized payloads, and forged sessions. Every attempt must be refused
 * with a 4xx problem (never a 500), and nothing may be stored.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "huaxiang.ingest.max-body-bytes=200000")
class SecurityPassTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final List<String> ATTACKS =
      List.of(
          "' OR '1'='1",
          "x' or 1=1",
          "1' AND '1'='1",
          "x'; DROP TABLE events; --",
          "1 UNION SELECT password_hash FROM staff_users --",
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "javascript:alert(1)//<",
          "a\u0000b",
          "x".repeat(5_000));

  /** One valid event of each shape, every text field of which gets every attack. */
  static final List<String> EVENTS =
      List.of(
          """
          {"type":"user_registered","id":"sp-1","user_id":"sp-u","occurred_at":"2026-03-01T10:00:00+08:00",
           "source":"app","channel":"organic","city":"杭州","occupation":"teacher"}""",
          """
          {"type":"session","id":"sp-2","user_id":"sp-u","occurred_at":"2026-03-01T10:00:00+08:00",
           "source":"app","device_id":"d-1","ip":"10.0.0.1","city":"杭州"}""",
          """
          {"type":"loan_applied","id":"sp-3","user_id":"sp-u","occurred_at":"2026-03-01T10:00:00+08:00",
           "source":"app","application_id":"ap-1","amount":3000,"term_months":6,"purpose":"consumption",
           "device_id":"d-1","ip":"10.0.0.1","city":"杭州"}""",
          """
          {"type":"relation","id":"sp-4","user_id":"sp-u","occurred_at":"2026-03-01T10:00:00+08:00",
           "source":"app","kind":"device","target":"c-1"}""",
          """
          {"type":"loan_decided","id":"sp-5","user_id":"sp-u","occurred_at":"2026-03-01T10:00:00+08:00",
           "source":"app","application_id":"ap-1","outcome":"declined","reason_codes":["R1"]}""");

  @LocalServerPort int port;
  @Autowired EventStore events;
  @Autowired SegmentStore segments;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
  }

  @Test
  void ordinaryTextWithEqualsSignsAndApostrophesIsAccepted() {
    Http ingest = new Http(port);
    String event =
        """
        {"type":"session","id":"%s","user_id":"sp-ok","occurred_at":"2026-03-01T10:00:00+08:00",
         "source":"app","device_id":"%s","ip":"10.0.0.9","city":"%s"}""";
    // base64 padding, a key=value pair, an apostrophe in a name
    for (String[] values :
        List.of(
            new String[] {"sp-ok-1", "aGVsbG8gd29ybGQ=", "Xi'an"},
            new String[] {"sp-ok-2", "model=mi-13", "O'Brien Town"})) {
      Http.Reply r = ingest.post("/api/v1/events", event.formatted((Object[]) values));
      assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(202);
    }
  }

  @Test
  void injectionInEveryTextFieldOfEveryEventIsRefusedAndNothingIsStored() throws Exception {
    Http ingest = new Http(port);
    for (String valid : EVENTS) {
      // the base events themselves are fine (checked on a copy with another id, then counted)
      ObjectNode probe = (ObjectNode) JSON.readTree(valid);
      probe.put("id", probe.get("id").asText() + "-ok");
      assertThat(ingest.post("/api/v1/events", probe.toString()).status())
          .as(probe.toString())
          .isEqualTo(202);
    }
    long before = events.count();
    SoftAssertions soft = new SoftAssertions();
    int attempts = 0;
    for (String valid : EVENTS) {
      ObjectNode base = (ObjectNode) JSON.readTree(valid);
      for (String field : textFields(base)) {
        for (String attack : ATTACKS) {
          ObjectNode attempt = base.deepCopy();
          if (attempt.get(field).isArray()) {
            attempt.putArray(field).add(attack);
          } else {
            attempt.put(field, attack);
          }
          if (!field.equals("id")) {
            attempt.put("id", "sp-attack-" + attempts);
          }
          attempts++;
          Http.Reply r = ingest.post("/api/v1/events", attempt.toString());
          soft.assertThat(r.status())
              .as("%s.%s = %s", base.get("type").asText(), field, abbreviate(attack))
              .isBetween(400, 499);
          soft.assertThat(r.contentType()).startsWith("application/problem+json");
        }
      }
    }
    soft.assertAll();
    assertThat(attempts).isGreaterThan(100);
    assertThat(events.count()).as("nothing stored").isEqualTo(before);
    // the batch endpoint refuses them record by record, stores none
    Http.Reply batch =
        ingest.post(
            "/api/v1/events/batch",
            "["
                + EVENTS.get(1).replace("\"d-1\"", "\"<script>alert(1)</script>\"")
                + ","
                + EVENTS.get(3).replace("\"c-1\"", "\"x'; DROP TABLE events; --\"")
                + "]");
    assertThat(batch.status()).isBetween(200, 499);
    assertThat(batch.body().get("accepted").asInt()).isZero();
    assertThat(events.count()).isEqualTo(before);
  }

  @Test
  void injectionInTheOtherWriteEndpointsIsRefusedWithA4xx() {
    Http analyst = Http.as(port, "risk_analyst");
    int segmentsBefore = segments.list().size();
    SoftAssertions soft = new SoftAssertions();
    for (String attack : ATTACKS) {
      String quoted = JSON.getNodeFactory().textNode(attack).toString();
      for (String body :
          List.of(
              "{\"name\":" + quoted + ",\"expression\":\"age > 20\"}",
              "{\"name\":\"ok-name\",\"expression\":" + quoted + "}",
              "{\"name\":\"ok-name\",\"expression\":\"age > 20\",\"description\":"
                  + quoted
                  + "}")) {
        soft.assertThat(analyst.post("/api/v1/segments", body).status())
            .as("segment %s", abbreviate(body))
            .isBetween(400, 499);
      }
      soft.assertThat(
              analyst.post("/api/v1/segments/validate", "{\"expression\":" + quoted + "}").status())
          .isBetween(400, 499);
      soft.assertThat(
              Http.anonymous(port)
                  .post(
                      "/api/v1/auth/login",
                      "{\"username\":" + quoted + ",\"password\":" + quoted + "}")
                  .status())
          .isBetween(400, 499);
      String encoded =
          URLEncoder.encode(
              attack.length() > 500 ? attack.substring(0, 500) : attack, StandardCharsets.UTF_8);
      for (String path :
          List.of(
              "/api/v1/users/" + encoded + "/portrait",
              "/api/v1/population/summary?tag=" + encoded,
              "/api/v1/segments/" + encoded + "/members",
              "/api/v1/models?name=" + encoded)) {
        soft.assertThat(analyst.raw("GET", path, null).statusCode())
            .as("GET %s", abbreviate(path))
            .isLessThan(500);
      }
      soft.assertThat(Http.as(port, "auditor").get("/api/v1/audit?actor=" + encoded).status())
          .isLessThan(500);
    }
    soft.assertAll();
    assertThat(segments.list()).hasSize(segmentsBefore);
  }

  @Test
  void oversizedPayloadsAreRefusedWith413BeforeBeingStored() {
    Http ingest = new Http(port);
    long before = events.count();
    String huge = "[" + (EVENTS.get(1) + ",").repeat(2_000) + EVENTS.get(1) + "]";
    assertThat(huge.length()).isGreaterThan(200_000);
    Http.Reply r = ingest.post("/api/v1/events/batch", huge);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.body().get("reason").asText()).isEqualTo("TOO_LARGE");
    Http.Reply segment =
        Http.as(port, "risk_analyst")
            .post(
                "/api/v1/segments",
                "{\"name\":\"big\",\"expression\":\"" + "a".repeat(300_000) + "\"}");
    assertThat(segment.status()).isEqualTo(413);
    assertThat(events.count()).isEqualTo(before);
  }

  @Test
  void aForgedSessionCookieIsNotASession() {
    HttpResponse<String> r =
        Http.anonymous(port)
            .raw("GET", "/api/v1/users/u-1/portrait", null, "Cookie", "HXSESSION=0123456789ABCDEF");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("UNAUTHENTICATED");
  }

  private static List<String> textFields(ObjectNode event) {
    List<String> out = new java.util.ArrayList<>();
    Iterator<String> names = event.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      JsonNode v = event.get(name);
      if ((v.isTextual() || v.isArray()) && !name.equals("type") && !name.equals("occurred_at")) {
        out.add(name);
      }
    }
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
