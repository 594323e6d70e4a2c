package io.huaxiang.core.decision;

import static io.huaxiang.core.decision.Fixtures.ENGINE;
import static io.huaxiang.core.decision.Fixtures.NOW;
import static io.huaxiang.core.decision.Fixtures.application;
import static io.huaxiang.core.decision.Fixtures.goodPortrait;
import static io.huaxiang.core.decision.Fixtures.inputs;
import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.lending.AnnualPercentageRate;
import io.huaxiang.core.lending.Cashflows;
import io.huaxiang.core.lending.Money;
import io.huaxiang.core.lending.Rate;
import io.huaxiang.core.lending.RepaymentSchedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecisionEngineTest {

  @Test
  void approvesAGoodReturningBorrowerWithAnOfferPricedByTrueApr() {
    Decision d = ENGINE.decide(application(new BigDecimal("20000"), 12), inputs(goodPortrait()));
    assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
    assertThat(d.automated()).isTrue();
    // 560 + 40 + 35 + 20 + 15 + 20 + 15 = 705: band A, 9.9 %
    assertThat(d.score()).isEqualTo(705);
    assertThat(d.band()).isEqualTo("A");
    assertThat(d.approvedAmount()).isEqualByComparingTo("20000");
    assertThat(d.creditLine()).isEqualByComparingTo("50000"); // 6 x income, capped by the product
    assertThat(d.offer().contractRatePercent()).isEqualByComparingTo("9.9");
    // the offer's APR is the IRR of the schedule's cash flows
    RepaymentSchedule s =
        RepaymentSchedule.equalInstalment(Money.of(20000), 12, Rate.ofPercent("9.9"));
    assertThat(d.offer().aprPercent())
        .isEqualByComparingTo(AnnualPercentageRate.irr(s.cashflows(Money.ZERO)).nominalPercent());
    assertThat(d.termOptions()).extracting(PricedTerm::termMonths).containsExactly(3, 6, 12, 24);
    assertThat(d.disclosureZh()).contains("年化利率").contains("内部收益率");
    assertThat(d.principalReasons()).hasSizeBetween(1, 4);
    assertThat(d.needsFunding()).isTrue();
    assertThat(d.strategy()).isEqualTo("consumer_standard@v1");
    assertThat(d.model()).isEqualTo("portrait_scorecard@v1");
  }

  @Test
  void declinesWithoutConsentForCreditAssessmentAndDoesNotScore() {
    Map<String, Object> f = goodPortrait();
    f.put("consent_credit_assessment", false);
    Decision d = ENGINE.decide(application(new BigDecimal("5000"), 6), inputs(f));
    assertThat(d.outcome()).isEqualTo(Outcome.DECLINE);
    assertThat(d.score()).isNull();
    assertThat(d.principalReasons()).extracting(Reason::code).containsExactly("CONSENT_MISSING");
  }

  @Test
  void marketingConsentIsNotAConditionForALoan() {
    Map<String, Object> f = goodPortrait();
    f.put("consent_marketing", false);
    assertThat(ENGINE.decide(application(new BigDecimal("5000"), 6), inputs(f)).outcome())
        .isEqualTo(Outcome.APPROVE);
  }

  @Test
  void bureauDataIsIgnoredWithoutConsentToQueryTheBureau() {
    Map<String, Object> f = goodPortrait();
    f.put("bureau_platforms_borrowed", 9.0);
    assertThat(ENGINE.decide(application(new BigDecimal("5000"), 6), inputs(f)).outcome())
        .isEqualTo(Outcome.DECLINE);
    f.put("consent_credit_bureau_query", false);
    Decision d = ENGINE.decide(application(new BigDecimal("5000"), 6), inputs(f));
    assertThat(d.ruleOutcomes())
        .filteredOn(o -> o.rule().equals("multi_platform"))
        .extracting(RuleOutcome::result)
        .containsExactly(RuleOutcome.UNKNOWN);
  }

  @Test
  void blacklistAndVelocityRulesDeclineAndKeepEveryRuleOutcome() {
    DecisionInputs in =
        new DecisionInputs(
            goodPortrait(),
            Set.of(),
            Set.of(ListKind.BLACK),
            Map.of("velocity.id_1h", 3L, "velocity.device_users_7d", 1L),
            BigDecimal.ZERO,
            Set.of(),
            NOW);
    Decision d = ENGINE.decide(application(new BigDecimal("5000"), 6), in);
    assertThat(d.outcome()).isEqualTo(Outcome.DECLINE);
    assertThat(d.principalReasons())
        .extracting(Reason::code)
        .containsExactly("LIST_BLACK", "FRAUD_ID_VELOCITY");
    assertThat(d.ruleOutcomes())
        .extracting(RuleOutcome::rule)
        .contains("shared_device", "unusual_hour");
    assertThat(d.ruleOutcomes())
        .filteredOn(o -> o.rule().equals("prime_bonus"))
        .extracting(RuleOutcome::result)
        .containsExactly(RuleOutcome.SKIPPED);
  }

  @Test
  void aLowScoreDeclinesWithReasonsNamingTheFeaturesThatLoweredIt() {
    Map<String, Object> f = goodPortrait();
    f.put("max_dpd_lifetime", 45.0);
    f.put("on_time_repayment_ratio_lifetime", 0.5);
    f.put("applications_count_30d", 8.0);
    Decision d = ENGINE.decide(application(new BigDecimal("5000"), 6), inputs(f));
    assertThat(d.outcome()).isEqualTo(Outcome.DECLINE);
    assertThat(d.principalReasons())
        .extracting(Reason::feature)
        .containsExactly(
            "max_dpd_lifetime", "on_time_repayment_ratio_lifetime", "applications_count_30d");
    assertThat(d.principalReasons().get(0).zh()).contains("降低");
  }

  @Test
  void failsClosedWhenADependencyIsDown() {
    for (Dependency down : Dependency.values()) {
      DecisionInputs in =
          new DecisionInputs(
              goodPortrait(), Set.of(), Set.of(), Map.of(), BigDecimal.ZERO, EnumSet.of(down), NOW);
      Decision d = ENGINE.decide(application(new BigDecimal("5000"), 6), in);
      assertThat(d.outcome()).as(down.name()).isEqualTo(Outcome.REVIEW);
      assertThat(d.principalReasons()).extracting(Reason::code).contains("DEPENDENCY_UNAVAILABLE");
    }
  }

  @Test
  void linesRespectThePerBorrowerCap() {
    DecisionInputs in =
        new DecisionInputs(
            goodPortrait(), Set.of(), Set.of(), Map.of(), new BigDecimal("190000"), Set.of(), NOW);
    Decision d = ENGINE.decide(application(new BigDecimal("20000"), 12), in);
    assertThat(d.outcome()).isEqualTo(Outcome.APPROVE);
    assertThat(d.approvedAmount()).isEqualByComparingTo("10000");
    DecisionInputs full =
        new DecisionInputs(
            goodPortrait(), Set.of(), Set.of(), Map.of(), new BigDecimal("199500"), Set.of(), NOW);
    Decision none = ENGINE.decide(application(new BigDecimal("20000"), 12), full);
    assertThat(none.outcome()).isEqualTo(Outcome.DECLINE);
    assertThat(none.principalReasons()).extracting(Reason::code).contains("BORROWER_CAP_REACHED");
  }

  @Test
  void anExhaustedBudgetDefersToTheNextDayAndKeepsTheOffer() {
    Decision d = ENGINE.decide(application(new BigDecimal("20000"), 12), inputs(goodPortrait()));
    Decision deferred = d.funded(Funding.exhausted(LocalDate.of(2026, 11, 24)));
    assertThat(deferred.outcome()).isEqualTo(Outcome.DEFER);
    assertThat(deferred.deferredUntil()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(deferred.offer()).isNotNull();
    assertThat(deferred.principalReasons())
        .extracting(Reason::code)
        .containsExactly("FUNDING_BUDGET_EXHAUSTED");
    assertThat(d.funded(Funding.granted()).outcome()).isEqualTo(Outcome.APPROVE);
  }

  @Test
  void recordedCapsWinOverTodaysPolicySoReplaysDoNotDrift() {
    DecisionInputs in = ENGINE.withCaps(inputs(goodPortrait()));
    assertThat(in.borrowerCap()).isEqualByComparingTo("200000");
    assertThat(in.aprCapPercent()).isEqualByComparingTo("24.00");
    DecisionInputs lowered = in.withCaps(new BigDecimal("5000"), new BigDecimal("5.00"));
    Decision d = ENGINE.decide(application(new BigDecimal("20000"), 12), lowered);
    assertThat(d.outcome()).isEqualTo(Outcome.REVIEW); // 9.9 % is above a 5 % cap
    assertThat(d.creditLine()).isEqualByComparingTo("5000");
    assertThat(d.principalReasons()).extracting(Reason::code).contains("APR_ABOVE_CAP");
  }

  @Test
  void theSameInputsGiveTheSameDecision() {
    Decision a = ENGINE.decide(application(new BigDecimal("12345.67"), 24), inputs(goodPortrait()));
    Decision b = ENGINE.decide(application(new BigDecimal("12345.67"), 24), inputs(goodPortrait()));
    assertThat(a).isEqualTo(b);
  }

  @Test
  void priceDiscountsApplyButStayWithinTheProductRange() {
    Decision d =
        ENGINE.decide(
            application(new BigDecimal("20000"), 12),
            new DecisionInputs(
                goodPortrait(),
                Set.of("prime_repayer"),
                Set.of(),
                Map.of(),
                BigDecimal.ZERO,
                Set.of(),
                NOW));
    assertThat(d.offer().contractRatePercent()).isEqualByComparingTo("8.9");
    assertThat(d.score()).isEqualTo(720);
    assertThat(Cashflows.class).isNotNull();
  }
}
