package io.huaxiang.core.decision;

import static io.huaxiang.core.decision.Fixtures.ENGINE;
import static io.huaxiang.core.decision.Fixtures.LOADER;
import static io.huaxiang.core.decision.Fixtures.TODAY;
import static io.huaxiang.core.decision.Fixtures.application;
import static io.huaxiang.core.decision.Fixtures.goodPortrait;
import static io.huaxiang.core.decision.Fixtures.inputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Throttling by the demand rate: the better risk bands keep the budget when demand outruns it. */
class DemandThrottleTest {
  private static final String SAMPLE = ProductCatalogue.resource("strategy-consumption.yaml");

  private static Strategy withDemandShare(String share) {
    return LOADER.load(
        SAMPLE.replace(
            "  priority_bands: [A, B]", "  priority_bands: [A, B]\n  demand_share: " + share),
        TODAY);
  }

  @Test
  void worseBandsWaitWhileDemandExceedsTheShareOfWhatIsLeftAndBetterOnesDoNot() {
    Strategy.Throttle t = withDemandShare("0.25").throttle();
    assertThat(t.demandShare()).isEqualByComparingTo("0.25");
    BigDecimal left = new BigDecimal("400000"); // a quarter of it is 100,000 an hour
    BigDecimal high = new BigDecimal("120000");
    BigDecimal low = new BigDecimal("80000");
    assertThat(t.defersForDemand("C", high, left)).isTrue();
    assertThat(t.defersForDemand("D", high, left)).isTrue();
    assertThat(t.defersForDemand("A", high, left)).isFalse();
    assertThat(t.defersForDemand("B", high, left)).isFalse();
    assertThat(t.defersForDemand("C", low, left)).isFalse();
    // nothing left: any demand outruns it
    assertThat(t.defersForDemand("D", BigDecimal.ONE, BigDecimal.ZERO)).isTrue();
  }

  @Test
  void withoutADemandShareNothingIsThrottledByDemand() {
    Strategy.Throttle t = LOADER.load(SAMPLE, TODAY).throttle();
    assertThat(t.demandShare()).isNull();
    assertThat(t.defersForDemand("D", new BigDecimal("1e9"), BigDecimal.ZERO)).isFalse();
  }

  @Test
  void aDemandShareOutsideZeroToOneIsRefusedAtLoad() {
    assertThatThrownBy(() -> withDemandShare("0"))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("demand_share");
    assertThatThrownBy(() -> withDemandShare("1.5"))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("demand_share");
  }

  @Test
  void aThrottledApprovalIsDeferredToTheNextDayWithABilingualReason() {
    Decision d = ENGINE.decide(application(new BigDecimal("20000"), 12), inputs(goodPortrait()));
    LocalDate tomorrow = LocalDate.of(2026, 11, 24);
    Decision deferred = d.funded(Funding.demandThrottled(tomorrow));
    assertThat(deferred.outcome()).isEqualTo(Outcome.DEFER);
    assertThat(deferred.deferredUntil()).isEqualTo(tomorrow);
    assertThat(deferred.offer()).isNotNull();
    Reason r = deferred.principalReasons().get(0);
    assertThat(r.code()).isEqualTo("FUNDING_DEMAND_THROTTLED");
    assertThat(r.zh()).contains("优先").contains("2026-11-24");
    assertThat(r.en()).contains("lowest-risk").contains("2026-11-24");
    assertThat(deferred.ruleOutcomes())
        .anyMatch(o -> o.rule().equals("demand_priority") && o.result().equals(RuleOutcome.FIRED));
  }
}
