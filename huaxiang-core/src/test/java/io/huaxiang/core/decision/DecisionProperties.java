package io.huaxiang.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of every decision, over random portraits, amounts, terms and failures. */
class DecisionProperties {

  record Case(
      Map<String, Object> features,
      BigDecimal amount,
      int term,
      long velocity,
      Set<Dependency> down,
      BigDecimal committed) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Map<String, Object>> features =
        Combinators.combine(
                Arbitraries.integers().between(0, 90),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 2000),
                Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 10),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false))
            .as(
                (dpd, onTime, age, apps, inquiries, consent, bureau) -> {
                  Map<String, Object> f = new HashMap<>(Fixtures.goodPortrait());
                  f.put("max_dpd_lifetime", (double) dpd);
                  f.put("on_time_repayment_ratio_lifetime", onTime);
                  f.put("account_age_days", (double) age);
                  f.put("applications_count_30d", (double) apps);
                  f.put("bureau_inquiries_3m", (double) inquiries);
                  f.put("bureau_platforms_borrowed", (double) inquiries);
                  f.put("consent_credit_assessment", consent);
                  f.put("consent_credit_bureau_query", bureau);
                  return f;
                });
    return Combinators.combine(
            features,
            Arbitraries.integers().between(1000, 50000).map(BigDecimal::valueOf),
            Arbitraries.of(3, 6, 12, 24),
            Arbitraries.longs().between(0, 12),
            Arbitraries.subsetOf(Dependency.values()),
            Arbitraries.integers().between(0, 220000).map(BigDecimal::valueOf))
        .as(Case::new);
  }

  @Property(tries = 300)
  void decisionsAreLawfulExplainedAndFailClosed(@ForAll("cases") Case c) {
    DecisionInputs in =
        new DecisionInputs(
            c.features(),
            Set.of(),
            Set.of(),
            Map.of("velocity.id_1h", c.velocity(), "velocity.device_24h", c.velocity()),
            c.committed(),
            c.down().isEmpty() ? Set.of() : EnumSet.copyOf(c.down()),
            Fixtures.NOW);
    Decision d = Fixtures.ENGINE.decide(Fixtures.application(c.amount(), c.term()), in);
    assertThat(d.automated()).isTrue();
    assertThat(d.principalReasons()).hasSizeBetween(1, 4);
    if (!c.down().isEmpty()) {
      assertThat(d.outcome()).isNotEqualTo(Outcome.APPROVE);
    }
    if (!Boolean.TRUE.equals(c.features().get("consent_credit_assessment"))) {
      assertThat(d.outcome()).isEqualTo(Outcome.DECLINE);
      assertThat(d.score()).isNull();
    }
    if (d.outcome() == Outcome.APPROVE) {
      assertThat(d.approvedAmount())
          .isLessThanOrEqualTo(c.amount())
          .isLessThanOrEqualTo(d.creditLine());
      assertThat(d.approvedAmount().add(c.committed()))
          .isLessThanOrEqualTo(Fixtures.POLICY.borrowerCap());
      assertThat(d.offer().aprPercent()).isLessThanOrEqualTo(new BigDecimal("24.00"));
      d.termOptions()
          .forEach(t -> assertThat(t.aprPercent()).isLessThanOrEqualTo(new BigDecimal("24.00")));
    } else {
      assertThat(d.approvedAmount()).isZero();
    }
    assertThat(Fixtures.ENGINE.decide(Fixtures.application(c.amount(), c.term()), in)).isEqualTo(d);
  }
}
