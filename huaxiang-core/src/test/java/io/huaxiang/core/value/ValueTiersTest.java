package io.huaxiang.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.core.portrait.Portrait;
import io.huaxiang.core.portrait.PortraitEngine;
import io.huaxiang.core.profile.FeatureValues;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.tag.TagRuleSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFM scores and value tiers: the documented thresholds and tier rules, and on demo users. */
class ValueTiersTest {
  private static final PortraitEngine ENGINE =
      new PortraitEngine(
          ZoneId.of("Asia/Shanghai"),
          PortraitFeatures.catalogue(),
          TagRuleSet.standard(PortraitFeatures.catalogue()));

  @Test
  void tiersFollowTheDocumentedRulesInOrder() {
    assertThat(ValueTiers.tier(new Rfm(5, 5, 5))).isEqualTo(ValueTier.CHAMPION);
    assertThat(ValueTiers.tier(new Rfm(3, 4, 1))).isEqualTo(ValueTier.LOYAL);
    assertThat(ValueTiers.tier(new Rfm(2, 5, 4))).isEqualTo(ValueTier.HIGH_VALUE_AT_RISK);
    assertThat(ValueTiers.tier(new Rfm(1, 3, 2))).isEqualTo(ValueTier.AT_RISK);
    assertThat(ValueTiers.tier(new Rfm(2, 1, 1))).isEqualTo(ValueTier.HIBERNATING);
    assertThat(ValueTiers.tier(new Rfm(5, 2, 3))).isEqualTo(ValueTier.PROMISING);
    assertThat(ValueTiers.tier(new Rfm(3, 3, 3))).isEqualTo(ValueTier.REGULAR);
    assertThatThrownBy(() -> new Rfm(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void demoBorrowersAreScoredFromTheirFeaturesAndNonBorrowersAreNot() {
    DemoPopulation demo = new DemoPopulation(42, 500, Instant.parse("2026-06-30T16:00:00Z"));
    Map<ValueTier, Integer> tiers = new EnumMap<>(ValueTier.class);
    for (int i = 0; i < 500; i++) {
      Portrait p = ENGINE.newPortrait(DemoPopulation.userId(i));
      ENGINE.applyAll(p, demo.events(i));
      FeatureValues f = ENGINE.features(p, demo.end());
      ValueAssessment a = ValueTiers.assess(f);
      tiers.merge(a.tier(), 1, Integer::sum);
      double loans = f.number("loans_disbursed_count_lifetime");
      if (loans == 0) {
        assertThat(a.tier()).isEqualTo(ValueTier.NON_BORROWER);
        assertThat(a.rfm()).isNull();
        continue;
      }
      double amount = f.number("disbursed_amount_sum_lifetime");
      int monetary =
          amount >= 20_000
              ? 5
              : amount >= 10_000 ? 4 : amount >= 5_000 ? 3 : amount >= 2_000 ? 2 : 1;
      assertThat(a.rfm().monetary()).isEqualTo(monetary);
      double count = loans + f.number("repayments_count_lifetime");
      int frequency = count >= 12 ? 5 : count >= 6 ? 4 : count >= 3 ? 3 : count >= 2 ? 2 : 1;
      assertThat(a.rfm().frequency()).isEqualTo(frequency);
    }
    assertThat(tiers.keySet()).hasSizeGreaterThanOrEqualTo(5);
  }
}
