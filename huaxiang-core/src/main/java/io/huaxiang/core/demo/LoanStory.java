package io.huaxiang.core.demo;

import io.huaxiang.core.event.ApplicationId;
import io.huaxiang.core.event.BureauReportReceived;
import io.huaxiang.core.event.ConsentPurpose;
import io.huaxiang.core.event.DecisionOutcome;
import io.huaxiang.core.event.LoanApplied;
import io.huaxiang.core.event.LoanDecided;
import io.huaxiang.core.event.LoanDisbursed;
import io.huaxiang.core.event.LoanId;
import io.huaxiang.core.event.LoanPurpose;
import io.huaxiang.core.event.OperationStep;
import io.huaxiang.core.event.RelationKind;
import io.huaxiang.core.event.RepaymentDue;
import io.huaxiang.core.event.RepaymentMade;
import io.huaxiang.core.event.RepaymentMode;
import io.huaxiang.core.lending.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a demo user's loans: each application with its bureau report and decision, then for
 * approved ones the disbursement, the repayment schedule and how the user actually repays, all
 * driven by the user's latent risk.
 */
final class LoanStory {
  static final Weighted<LoanPurpose> PURPOSES =
      Weighted.<LoanPurpose>of()
          .add(0.65, LoanPurpose.CONSUMPTION)
          .add(0.12, LoanPurpose.SMALL_CREDIT)
          .add(0.08, LoanPurpose.EDUCATION)
          .add(0.07, LoanPurpose.MEDICAL)
          .add(0.08, LoanPurpose.BUSINESS);

  static final Weighted<RepaymentMode> MODES =
      Weighted.<RepaymentMode>of()
          .add(0.30, RepaymentMode.MONTHLY_INSTALMENT)
          .add(0.45, RepaymentMode.BULLET)
          .add(0.25, RepaymentMode.ON_DEMAND);

  static final Weighted<Integer> INSTALMENT_TERMS =
      Weighted.<Integer>of().add(0.35, 3).add(0.40, 6).add(0.25, 12);

  /** Median amount applied for, CNY; log-normal spread puts ~90% between 500 and 5,000. */
  static final double MEDIAN_AMOUNT = 2000;

  static final double AMOUNT_SIGMA = 0.65;
  static final int MAX_APPLICATIONS = 8;

  private final UserStory story;
  private final SplittableRandom random;
  private final double risk;
  private int applications;

  LoanStory(UserStory story) {
    this.story = story;
    this.random = story.random;
    this.risk = story.user.latentRisk();
  }

  void write() {
    if (!Draws.chance(random, 0.6 + 0.35 * risk)) {
      return; // a browser who never applies
    }
    Instant at = story.user.registeredAt().plusSeconds(secondsOf(Draws.exponential(random, 3)));
    while (at.isBefore(story.end) && applications < MAX_APPLICATIONS) {
      if (story.attrition.away(at)) {
        if (story.attrition.returnAt() == null) {
          return; // quit for good: no more applications
        }
        at = story.attrition.returnAt().plusSeconds(secondsOf(Draws.exponential(random, 10)));
        continue;
      }
      apply(at);
      // risky users come back sooner and more often (multi-applications)
      at = at.plusSeconds(secondsOf(Draws.exponential(random, 45 / (1 + 4 * risk))));
    }
  }

  private void apply(Instant at) {
    int n = applications++;
    String prefix = story.user.id().value();
    ApplicationId application = new ApplicationId(prefix + "-a" + n);
    LoanPurpose purpose = PURPOSES.sample(random);
    Money amount = amount(purpose);
    RepaymentMode mode = MODES.sample(random);
    int term = term(mode);
    story.visit(at, OperationStep.APPLY, "apply");
    if (n == 0) {
      story.relation(
          at, RelationKind.BANK_CARD, "card-" + Long.toHexString(random.nextLong() >>> 8));
    }
    story.add(
        new LoanApplied(
            story.nextId(),
            story.user.id(),
            at,
            story.source,
            application,
            amount,
            term,
            purpose,
            story.user.channel(),
            story.user.deviceId(),
            story.user.ip(),
            story.user.city().name()));
    double seenRisk = Math.min(1, Math.max(0, risk + 0.08 * random.nextGaussian()));
    if (story.consented(ConsentPurpose.CREDIT_BUREAU_QUERY)) {
      bureau(at.plusSeconds(5), n);
    }
    Instant decidedAt = at.plusSeconds(60 + random.nextInt(180));
    boolean approved = Draws.chance(random, 0.92 - 1.1 * seenRisk);
    story.add(
        new LoanDecided(
            story.nextId(),
            story.user.id(),
            decidedAt,
            story.source,
            application,
            approved ? DecisionOutcome.APPROVED : DecisionOutcome.DECLINED,
            approved ? amount : null,
            approved
                ? List.of()
                : List.of(seenRisk > 0.3 ? "MULTI_LENDING" : "SCORE_BELOW_CUTOFF")));
    if (approved && Draws.chance(random, 0.93)) {
      Instant confirmedAt = decidedAt.plusSeconds(60 + random.nextInt(600));
      story.visit(confirmedAt, OperationStep.CONFIRM, "confirm");
      disburse(
          confirmedAt.plusSeconds(60 + random.nextInt(240)),
          application,
          amount,
          term,
          mode,
          seenRisk);
    }
  }

  private void bureau(Instant at, int earlierApplications) {
    story.add(
        new BureauReportReceived(
            story.nextId(),
            story.user.id(),
            at,
            story.source,
            "demo-bureau",
            Draws.poisson(random, 0.8 + 8 * risk) + earlierApplications,
            Draws.poisson(random, 1.5 + 4 * risk),
            Draws.poisson(random, 2.5 * risk),
            Draws.poisson(random, 0.8 + 7 * risk),
            Money.of(Math.round(Draws.logNormal(random, 3000 + 40_000 * risk, 0.8)))));
  }

  private void disburse(
      Instant at,
      ApplicationId application,
      Money principal,
      int term,
      RepaymentMode mode,
      double seenRisk) {
    LoanId loan = new LoanId(story.user.id().value() + "-l" + (applications - 1));
    // priced below the 24% a year that courts protect, higher for riskier-looking users
    // trailing zeros stripped so the rate reads back from JSON as an equal BigDecimal
    BigDecimal apr =
        BigDecimal.valueOf(Math.round((0.12 + 0.12 * Math.min(1, 3 * seenRisk)) * 10_000), 4)
            .stripTrailingZeros();
    story.add(
        new LoanDisbursed(
            story.nextId(),
            story.user.id(),
            at,
            story.source,
            loan,
            application,
            principal,
            apr,
            term,
            mode));
    List<Schedule.Due> dues = Schedule.of(mode, principal, apr, term, story.day(at), random);
    for (int i = 0; i < dues.size(); i++) {
      story.add(
          new RepaymentDue(
              story.nextId(),
              story.user.id(),
              at.plusSeconds(1 + i),
              story.source,
              loan,
              dues.get(i).date(),
              dues.get(i).amount()));
    }
    repay(loan, dues, story.day(at));
  }

  /**
   * How the user pays: a defaulter stops at some instalment (fraud rings at the first); others pay
   * each instalment on time or, with a chance growing with risk, some days late.
   */
  private void repay(LoanId loan, List<Schedule.Due> dues, LocalDate disbursed) {
    boolean defaults = Draws.chance(random, risk);
    int stopAt =
        !defaults
            ? dues.size()
            : story.user.fraudRing().isPresent() ? 0 : random.nextInt(dues.size());
    for (int i = 0; i < stopAt; i++) {
      Schedule.Due due = dues.get(i);
      LocalDate paid =
          Draws.chance(random, 0.03 + 0.6 * risk)
              ? due.date().plusDays(Math.min(89, Draws.geometric(random, 2 + 20 * risk)))
              : latestOf(disbursed, due.date().minusDays(random.nextInt(4)));
      Instant paidAt = story.at(ActivityClock.timeOn(paid, risk, random));
      story.visit(paidAt, OperationStep.REPAY, "repay");
      story.add(
          new RepaymentMade(
              story.nextId(),
              story.user.id(),
              paidAt,
              story.source,
              loan,
              due.date(),
              paid,
              due.amount()));
    }
  }

  private Money amount(LoanPurpose purpose) {
    double yuan = Draws.logNormal(random, MEDIAN_AMOUNT, AMOUNT_SIGMA);
    yuan *= purpose == LoanPurpose.BUSINESS ? 2 : 1;
    return Money.of(Math.max(100, Math.min(50_000, Math.round(yuan / 100) * 100)));
  }

  private int term(RepaymentMode mode) {
    return switch (mode) {
      case MONTHLY_INSTALMENT -> INSTALMENT_TERMS.sample(random);
      case BULLET -> 1;
      case ON_DEMAND -> 1 + random.nextInt(3);
    };
  }

  private static LocalDate latestOf(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static long secondsOf(double days) {
    return Math.round(days * 86_400);
  }
}
