package io.huaxiang.server.aml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huaxiang.server.Http;
import io.huaxiang.store.Database;
import io.huaxiang.store.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Transactions ingested over HTTP are screened with the PBoC rules and the findings listed at
 * {@code /api/v1/aml/cases}: the 50,000 CNY cash boundary to the fen, accumulation within a natural
 * day (Beijing time), a fresh total the next day, structuring just under the threshold.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AmlApiTest {
  @LocalServerPort int port;
  @Autowired Database database;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
  }

  @Test
  void cashOf49999_99IsNotReportedAnd50000_00Is() {
    Http http = new Http(port);
    post(http, cash("aml-below", 1, "2026-05-01T10:00:00+08:00", "49999.99", true));
    post(http, cash("aml-at", 1, "2026-05-01T10:00:00+08:00", "50000.00", true));

    assertThat(cases(http, "aml-below")).isEmpty();
    List<JsonNode> at = cases(http, "aml-at");
    assertThat(at).hasSize(1);
    assertThat(at.get(0).get("kind").asText()).isEqualTo("large_value");
    assertThat(at.get(0).get("rule").asText()).isEqualTo("LARGE_CASH");
    assertThat(at.get(0).get("total").decimalValue()).isEqualByComparingTo("50000.00");
    assertThat(at.get(0).get("window_start").asText()).isEqualTo("2026-04-30T16:00:00Z");
  }

  @Test
  void cashAccumulatesWithinADayAndStartsAfreshTheNextDay() {
    Http http = new Http(port);
    post(
        http,
        cash("aml-sum", 1, "2026-05-02T09:00:00+08:00", "30000.00", true)
            + ","
            + cash("aml-sum", 2, "2026-05-02T21:00:00+08:00", "20000.00", true));
    // 23:30 and 00:30 Beijing time are two days, though the same UTC day
    post(
        http,
        cash("aml-reset", 1, "2026-05-02T23:30:00+08:00", "30000.00", true)
            + ","
            + cash("aml-reset", 2, "2026-05-03T00:30:00+08:00", "20000.00", true));
    post(http, cash("aml-card", 1, "2026-05-02T09:00:00+08:00", "60000.00", false));

    List<JsonNode> sum = cases(http, "aml-sum");
    assertThat(sum).hasSize(1);
    assertThat(sum.get(0).get("total").decimalValue()).isEqualByComparingTo("50000.00");
    assertThat(sum.get(0).get("transaction_ids")).hasSize(2);
    assertThat(cases(http, "aml-reset")).isEmpty();
    assertThat(cases(http, "aml-card")).as("not cash: below the transfer threshold").isEmpty();

    // a later transaction the same day joins the report instead of opening another
    post(http, cash("aml-sum", 3, "2026-05-02T22:00:00+08:00", "100.00", true));
    List<JsonNode> joined = cases(http, "aml-sum");
    assertThat(joined).hasSize(1);
    assertThat(joined.get(0).get("transaction_ids")).hasSize(3);
  }

  @Test
  void repeatedCashJustUnderTheThresholdOpensAStructuringCase() {
    Http http = new Http(port);
    post(
        http,
        cash("aml-struct", 1, "2026-05-04T10:00:00+08:00", "46000.00", true)
            + ","
            + cash("aml-struct", 2, "2026-05-05T10:00:00+08:00", "47000.00", true)
            + ","
            + cash("aml-struct", 3, "2026-05-06T10:00:00+08:00", "48000.00", true));

    List<JsonNode> found = cases(http, "aml-struct");
    assertThat(found).extracting(n -> n.get("kind").asText()).containsExactly("suspicious");
    assertThat(found.get(0).get("rule").asText()).isEqualTo("STRUCTURING:LARGE_CASH");
    assertThat(found.get(0).get("transaction_ids")).hasSize(3);
    assertThat(Http.as(port, "compliance").get("/api/v1/aml/cases?kind=other").status())
        .isEqualTo(400);
  }

  @Test
  void anErasedCustomersCasesStayStoredButAreNoLongerListed() throws Exception {
    Http http = new Http(port);
    post(http, cash("aml-erase", 1, "2026-05-07T10:00:00+08:00", "80000.00", true));
    assertThat(cases(http, "aml-erase")).hasSize(1);

    assertThat(
            Http.as(port, "compliance")
                .post("/api/v1/privacy/users/aml-erase/erasure", "{}")
                .status())
        .isEqualTo(200);

    assertThat(cases(http, "aml-erase")).isEmpty();
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select (select count(*) from aml_cases where user_id = 'aml-erase'),"
                    + " (select count(*) from restricted_events where user_id = 'aml-erase'"
                    + " and category = 'AML')")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1);
      assertThat(rs.getLong(2)).isEqualTo(1);
    }
  }

  private static String cash(String user, int n, String at, String amount, boolean cash) {
    return """
        {"type":"transaction","id":"%1$s-t%2$d","user_id":"%1$s","source":"core-banking",
         "occurred_at":"%3$s","merchant_category":"atm","amount":"%4$s","online":false,
         "cash":%5$s}"""
        .formatted(user, n, at, amount, cash);
  }

  private static void post(Http http, String events) {
    Http.Reply r = http.post("/api/v1/events/batch", "[" + events + "]");
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    assertThat(r.body().get("rejected")).as(String.valueOf(r.body())).isEmpty();
  }

  private List<JsonNode> cases(Http http, String user) {
    Http.Reply r = Http.as(port, "risk_ops").get("/api/v1/aml/cases?user_id=" + user);
    assertThat(r.status()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    r.body().forEach(out::add);
    return out;
  }
}
