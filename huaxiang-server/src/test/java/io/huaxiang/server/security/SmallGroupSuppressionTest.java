package io.huaxiang.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The rules of small-group suppression on the JSON shapes the aggregate endpoints return. */
class SmallGroupSuppressionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int K = 5;

  @Test
  void aSmallBarIsHiddenWithItsShareAndALargeOneIsKept() throws Exception {
    JsonNode d =
        JSON.readTree(
            """
            {"feature":"city_tier","users":12,"missing":0,"min":1.0,"max":4.0,
             "shares":[{"key":"1","count":11,"share":0.9167},
                       {"key":"4","count":1,"share":0.0833}],
             "bins":[{"lower":0.0,"upper":1.0,"count":0}]}""");

    SmallGroupSuppression.suppress(d, K);

    assertThat(d.at("/shares/0/count").asInt()).isEqualTo(11);
    assertThat(d.at("/shares/0/share").asDouble()).isEqualTo(0.9167);
    assertThat(d.at("/shares/1/count").isNull()).isTrue();
    assertThat(d.at("/shares/1/share").isNull()).isTrue();
    assertThat(d.at("/shares/1/key").asText()).as("labels stay").isEqualTo("4");
    assertThat(d.at("/shares/1/suppressed").asBoolean()).isTrue();
    assertThat(d.at("/bins/0/count").asInt()).as("zero singles out nobody").isZero();
    assertThat(d.at("/bins/0/upper").asDouble()).isEqualTo(1.0);
    assertThat(d.get("users").asInt()).isEqualTo(12);
  }

  @Test
  void aSmallPopulationHidesEveryFigureButItsLabels() throws Exception {
    JsonNode d =
        JSON.readTree(
            """
            {"feature":"age","users":2,"median":61.5,"min":60.0,"max":63.0,
             "bins":[{"lower":60.0,"upper":62.0,"count":1},{"lower":62.0,"upper":64.0,"count":1}]}""");

    SmallGroupSuppression.suppress(d, K);

    assertThat(d.get("users").isNull()).isTrue();
    assertThat(d.get("median").isNull()).isTrue();
    assertThat(d.get("min").isNull()).isTrue();
    assertThat(d.at("/bins/0/count").isNull()).isTrue();
    assertThat(d.at("/bins/0/lower").asDouble()).isEqualTo(60.0);
    assertThat(d.get("suppressed").asBoolean()).isTrue();
  }

  @Test
  void aSmallPartOfALargeGroupHidesThatCountAndTheShares() throws Exception {
    JsonNode cohort =
        JSON.readTree(
            """
            {"cohort":"2026-05","repayments":40,"on_time":37,"late1_to7":2,"late8_to30":0,
             "late31_plus":1,"on_time_share":0.925}""");

    SmallGroupSuppression.suppress(cohort, K);

    assertThat(cohort.get("repayments").asInt()).isEqualTo(40);
    assertThat(cohort.get("on_time").asInt()).isEqualTo(37);
    assertThat(cohort.get("late1_to7").isNull()).isTrue();
    assertThat(cohort.get("late31_plus").isNull()).isTrue();
    assertThat(cohort.get("late8_to30").asInt()).isZero();
    assertThat(cohort.get("on_time_share").isNull()).isTrue();
  }

  @Test
  void smallCellsOfACountMatrixAreHiddenOneByOne() throws Exception {
    JsonNode t = JSON.readTree("{\"users\":30,\"counts\":[[20,1],[0,9]]}");

    SmallGroupSuppression.suppress(t, K);

    assertThat(t.get("counts").toString()).isEqualTo("[[20,null],[0,9]]");
  }

  @Test
  void onlyAggregateEndpointsAreTouched() {
    assertThat(SmallGroupSuppression.aggregate("/api/v1/population/distribution")).isTrue();
    assertThat(SmallGroupSuppression.aggregate("/api/v1/population/lifecycle/transitions"))
        .isTrue();
    assertThat(SmallGroupSuppression.aggregate("/api/v1/segments/x/size")).isTrue();
    assertThat(SmallGroupSuppression.aggregate("/api/v1/population/users")).isFalse();
    assertThat(SmallGroupSuppression.aggregate("/api/v1/segments/x/members")).isFalse();
    assertThat(SmallGroupSuppression.aggregate("/api/v1/users/u-1/portrait")).isFalse();
  }

  /** Whatever the counts, none of 1 to k-1 survives, and every other count is left as it was. */
  @Property(tries = 300)
  void noCountBelowTheMinimumSurvives(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 40) Integer> counts,
      @ForAll @IntRange(min = 0, max = 400) int users) {
    ObjectNode d = JSON.createObjectNode();
    d.put("users", users);
    ArrayNode shares = d.putArray("shares");
    for (int i = 0; i < counts.size(); i++) {
      shares.addObject().put("key", "k" + i).put("count", counts.get(i)).put("share", 0.1);
    }

    SmallGroupSuppression.suppress(d, K);

    boolean wholeHidden = users > 0 && users < K;
    assertThat(d.get("users").isNull()).isEqualTo(wholeHidden);
    for (int i = 0; i < counts.size(); i++) {
      JsonNode c = d.at("/shares/" + i + "/count");
      int original = counts.get(i);
      if (wholeHidden || (original > 0 && original < K)) {
        assertThat(c.isNull()).isTrue();
      } else {
        assertThat(c.asInt()).isEqualTo(original);
      }
    }
  }
}
