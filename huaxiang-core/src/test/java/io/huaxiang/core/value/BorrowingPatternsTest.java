package io.huaxiang.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.core.event.ApplicationId;
import io.huaxiang.core.event.EventId;
import io.huaxiang.core.event.LoanDisbursed;
import io.huaxiang.core.event.LoanId;
import io.huaxiang.core.event.RepaymentMade;
import io.huaxiang.core.event.RepaymentMode;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.lending.Money;
import io.huaxiang.core.portrait.Portrait;
import io.huaxiang.core.portrait.PortraitEngine;
import io.huaxiang.core.profile.FeatureValues;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.tag.TagRuleSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The borrowing-pattern and risk-preference rules, on borrowers built from their events. */
class BorrowingPatternsTest {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final PortraitEngine ENGINE =
      new PortraitEngine(
          CHINA, PortraitFeatures.catalogue(), TagRuleSet.standard(PortraitFeatures.catalogue()));
  private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");

  @Test
  void threeSmallOneMonthLoansRepaidAreShortTermSmallFrequent() {
    BorrowingProfile p =
        aBorrower()
            .withLoan(1_000, 1, RepaymentMode.BULLET, true)
            .withLoan(1_500, 1, RepaymentMode.BULLET, true)
            .withLoan(800, 1, RepaymentMode.BULLET, true)
            .classify();
    assertThat(p.pattern()).isEqualTo(BorrowingPattern.SHORT_TERM_SMALL_FREQUENT);
    assertThat(p.patternReasons()).contains("loans=3 ≥ 3", "avg_principal=1100 < 3000");
  }

  @Test
  void loansStackedOnOpenOnesOrMostlyOnDemandAreRevolving() {
    assertThat(
            aBorrower()
                .withLoan(1_000, 1, RepaymentMode.BULLET, false)
                .withLoan(1_000, 1, RepaymentMode.BULLET, false)
                .withLoan(1_000, 1, RepaymentMode.BULLET, true)
                .classify()
                .pattern())
        .isEqualTo(BorrowingPattern.REVOLVER);
    assertThat(
            aBorrower()
                .withLoan(3_000, 2, RepaymentMode.ON_DEMAND, true)
                .withLoan(3_000, 2, RepaymentMode.ON_DEMAND, true)
                .withLoan(3_000, 2, RepaymentMode.MONTHLY_INSTALMENT, true)
                .classify()
                .pattern())
        .isEqualTo(BorrowingPattern.REVOLVER);
  }

  @Test
  void largeOrLongLoansInstalmentsAndTheRest() {
    assertThat(
            aBorrower()
                .withLoan(15_000, 12, RepaymentMode.MONTHLY_INSTALMENT, false)
                .classify()
                .pattern())
        .isEqualTo(BorrowingPattern.LONG_TERM_LARGE);
    assertThat(
            aBorrower()
                .withLoan(2_000, 6, RepaymentMode.MONTHLY_INSTALMENT, false)
                .withLoan(3_000, 3, RepaymentMode.BULLET, true)
                .classify()
                .pattern())
        .isEqualTo(BorrowingPattern.INSTALMENT_USER);
    assertThat(aBorrower().withLoan(2_000, 1, RepaymentMode.BULLET, true).classify().pattern())
        .isEqualTo(BorrowingPattern.OCCASIONAL);
    assertThat(aBorrower().classify().pattern()).isEqualTo(BorrowingPattern.NONE);
  }

  @Test
  void riskPreferenceFollowsMultiLendingAndApplications() {
    BorrowingProfile calm = aBorrower().withLoan(2_000, 1, RepaymentMode.BULLET, true).classify();
    assertThat(calm.riskPreference()).isEqualTo(RiskPreference.CONSERVATIVE);
    BorrowingProfile stacked =
        aBorrower()
            .withLoan(1_000, 1, RepaymentMode.BULLET, false)
            .withLoan(1_000, 1, RepaymentMode.BULLET, false)
            .withLoan(1_000, 1, RepaymentMode.BULLET, false)
            .classify();
    assertThat(stacked.riskPreference()).isEqualTo(RiskPreference.AGGRESSIVE);
    assertThat(stacked.riskReasons()).contains("loans_outstanding_count=3 ≥ 3");
  }

  @Test
  void everyDemoUserGetsAPatternWithReasonsAndBorrowersAreSpreadOverPatterns() {
    DemoPopulation demo = new DemoPopulation(42, 600, Instant.parse("2026-06-30T16:00:00Z"));
    Map<BorrowingPattern, Integer> counts = new EnumMap<>(BorrowingPattern.class);
    for (int i = 0; i < 600; i++) {
      Portrait p = ENGINE.newPortrait(DemoPopulation.userId(i));
      ENGINE.applyAll(p, demo.events(i));
      FeatureValues f = ENGINE.features(p, demo.end());
      BorrowingProfile b = BorrowingPatterns.classify(p.state().disbursements(), f);
      assertThat(b.patternReasons()).isNotEmpty();
      assertThat(b.riskReasons()).isNotEmpty();
      assertThat(b.pattern() == BorrowingPattern.NONE)
          .isEqualTo(f.number("loans_disbursed_count_lifetime") == 0);
      counts.merge(b.pattern(), 1, Integer::sum);
    }
    assertThat(counts.keySet()).hasSizeGreaterThanOrEqualTo(5);
  }

  private static Borrower aBorrower() {
    return new Borrower();
  }

  /** A user who registers, then takes loans one month apart, each repaid in full or not. */
  private static final class Borrower {
    private final UserId user = new UserId("u-pattern");
    private final List<UserEvent> events = new ArrayList<>();
    private int loans;

    Borrower withLoan(long principal, int termMonths, RepaymentMode mode, boolean repaid) {
      Instant at = T0.plus(Duration.ofDays(31L * loans));
      String id = "l" + loans++;
      events.add(
          new LoanDisbursed(
              new EventId("e-" + id),
              user,
              at,
              "test",
              new LoanId(id),
              new ApplicationId("a-" + id),
              Money.of(principal),
              new BigDecimal("0.18"),
              termMonths,
              mode));
      if (repaid) {
        LocalDate due = LocalDate.ofInstant(at, CHINA).plusDays(20);
        events.add(
            new RepaymentMade(
                new EventId("r-" + id),
                user,
                at.plus(Duration.ofDays(20)),
                "test",
                new LoanId(id),
                due,
                due,
                Money.of(principal)));
      }
      return this;
    }

    BorrowingProfile classify() {
      Portrait p = ENGINE.newPortrait(user);
      events.forEach(e -> ENGINE.apply(p, e));
      Instant asOf = T0.plus(Duration.ofDays(31L * loans + 1));
      return BorrowingPatterns.classify(p.state().disbursements(), ENGINE.features(p, asOf));
    }
  }
}
