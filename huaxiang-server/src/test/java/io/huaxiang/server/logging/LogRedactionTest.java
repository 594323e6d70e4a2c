package io.huaxiang.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.privacy.LogRedactor;
import io.huaxiang.server.Http;
import io.huaxiang.store.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The log scanner: makes the server log resident ID numbers, phones and bank cards, through a
 * logger and through the API, and fails if any of them reaches the console output in clear.
 */
// close this context (and its database pool) right after the class, while the test database
// still runs; closing everything at JVM exit raced the database shutdown
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // the store test-jar brings a logback-test.xml, which would win over the server's own config
    // and Spring MVC's debug log quotes every request line and every refused body
    properties = {
      "logging.config=classpath:logback-spring.xml",
      "logging.level.org.springframework.web=DEBUG"
    })
@ExtendWith(OutputCaptureExtension.class)
class LogRedactionTest {
  private static final Logger log = LoggerFactory.getLogger(LogRedactionTest.class);
  private static final String ID = "11010519491231002X";
  private static final String PHONE = "13812345678";
  private static final String CARD = "6222021234567890128";

  @LocalServerPort int port;

  @BeforeAll
  static void configureLoggingAfresh() {
    // Spring Boot sets up logging once per JVM; a context cached by an earlier test class may have
    // set it up from the store test-jar's logback-test.xml, and logging.config would be ignored
    LoggingSystem.get(LogRedactionTest.class.getClassLoader()).cleanUp();
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
  }

  @Test
  void messagesArgumentsAndExceptionsAreMasked(CapturedOutput output) {
    assertThat(LogRedactor.containsPersonalData(ID + " " + PHONE + " " + CARD))
        .as("the scanner recognises the test data")
        .isTrue();

    log.warn("applicant id {} phone {} card {}", ID, PHONE, CARD);
    log.error(
        "bureau call failed for " + PHONE,
        new IllegalStateException(
            "card " + CARD + " declined", new IllegalArgumentException("bad id " + ID)));

    assertThat(output.getAll())
        .contains("applicant id 1****************X phone 138****5678 card 622202*********0128")
        .contains("bureau call failed for 138****5678")
        .contains("IllegalStateException: card 622202*********0128 declined")
        .contains("IllegalArgumentException: bad id 1****************X");
    assertThat(LogRedactor.containsPersonalData(output.getAll())).isFalse();
  }

  @Test
  void theServersOwnLogsOfRefusedInputLeakNothing(CapturedOutput output) throws Exception {
    Http http = new Http(port);
    String[] bodies = {
      // an identifier where an amount belongs, a card as the user id, a phone in broken JSON
      """
      {"type":"loan_applied","id":"lr-1","user_id":"%s","occurred_at":"2026-03-01T10:00:00+08:00",
       "source":"app","application_id":"ap-1","amount":"%s","term_months":6,"purpose":"consumption"}
      """
          .formatted(CARD, ID),
      """
      {"type":"user_registered","id":"lr-2","user_id":"u-1","occurred_at":"%s","source":"%s"}
      """
          .formatted(ID, PHONE),
      "{\"type\":\"session\",\"user_id\":\"" + PHONE + "\",\"password\":\"" + CARD + "\"",
      // authentication data (C3) is refused, but the refused body is quoted by the debug log
      "{\"type\":\"session\",\"password\":\"hunter2-secret\",\"pin\":\"4321\"}",
    };
    for (String body : bodies) {
      http.raw("POST", "/api/v1/events", body);
    }
    http.raw("GET", "/api/v1/users/" + ID + "/events?page=" + CARD, null);
    log.info("scanned requests for {} and {}", PHONE, ID);

    assertThat(output.getAll())
        .as("Spring MVC's own request log carried the identifiers, masked")
        .contains("GET \"/api/v1/users/1****************X/events?page=622202*********0128\"")
        .contains("\"user_id\":\"138****5678\"")
        .contains("scanned requests for 138****5678 and 1****************X")
        .contains("\"password\":\"******\"")
        .doesNotContain("hunter2-secret");
    assertThat(LogRedactor.containsPersonalData(output.getAll())).isFalse();
  }
}
