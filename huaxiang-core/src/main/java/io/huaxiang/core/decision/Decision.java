package io.huaxiang.core.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of deciding one application: the outcome, the offer (amount, line, price, terms, total
 * cost), the score and PD, all reasons and the 1–4 principal ones, every rule outcome, and the
 * strategy and model versions. Automated decisions say so ({@code automated = true}) and can be
 * taken to human review.
 *
 * @param requestId the client's request id
 * @param userId the applicant
 * @param productId the product
 * @param outcome approve, decline, review or defer
 * @param requestedAmount what was asked for, CNY
 * @param approvedAmount what is approved (0 unless approved or deferred)
 * @param creditLine the line the applicant qualifies for (0 if declined before the limit stage)
 * @param offer the price of the requested term, null without an offer
 * @param termOptions the price of every term of the product at the approved amount
 * @param disclosureZh the total cost disclosure of the offer, Chinese
 * @param disclosureEn the total cost disclosure of the offer, English
 * @param score scorecard points (with rule points), null when not scored
 * @param pd probability of default, null when not scored
 * @param band risk band, null when not scored
 * @param segment cut-off segment, null when not scored
 * @param reasons every reason given, in stage order
 * @param principalReasons the 1–4 reasons that weighed most (PIPL Art 24, Reg B adverse action)
 * @param ruleOutcomes every rule evaluated and what it did
 * @param automated true: made by the engine without human involvement
 * @param strategy the strategy version, e.g. {@code consumer_standard@v3}
 * @param model the model version, e.g. {@code portrait_scorecard@v1}
 * @param funding what the budget and line ledger answered
 * @param deferredUntil for a deferral, the first day to come back
 * @param decidedAt the decision time
 */
public record Decision(
    String requestId,
    String userId,
    String productId,
    Outcome outcome,
    BigDecimal requestedAmount,
    BigDecimal approvedAmount,
    BigDecimal creditLine,
    PricedTerm offer,
    List<PricedTerm> termOptions,
    String disclosureZh,
    String disclosureEn,
    Integer score,
    Double pd,
    String band,
    String segment,
    List<Reason> reasons,
    List<Reason> principalReasons,
    List<RuleOutcome> ruleOutcomes,
    boolean automated,
    String strategy,
    String model,
    Funding funding,
    LocalDate deferredUntil,
    Instant decidedAt) {

  public Decision {
    termOptions = termOptions == null ? List.of() : List.copyOf(termOptions);
    reasons = List.copyOf(reasons);
    principalReasons = List.copyOf(principalReasons);
    ruleOutcomes = List.copyOf(ruleOutcomes);
  }

  /** Whether the engine would lend: the budget and the borrower's line must now fund it. */
  public boolean needsFunding() {
    return outcome == Outcome.APPROVE && funding.status() == Funding.Status.NOT_NEEDED;
  }

  /**
   * This decision after the budget and line ledger answered: granted stays approved, an exhausted
   * budget defers to the next day with funds, a reached borrower cap declines.
   */
  public Decision funded(Funding answer) {
    if (!needsFunding()) {
      throw new IllegalStateException("only an approval waiting for funds can be funded");
    }
    List<RuleOutcome> outcomes = new ArrayList<>(ruleOutcomes);
    List<Reason> rs = new ArrayList<>(reasons);
    return switch (answer.status()) {
      case NOT_NEEDED -> throw new IllegalArgumentException("an approval needs a funding answer");
      case GRANTED -> {
        outcomes.add(
            new RuleOutcome(Stage.THROTTLE, "funding", RuleOutcome.NOT_FIRED, "defer", "funded"));
        yield with(outcome, approvedAmount, rs, principalReasons, outcomes, answer, null);
      }
      case BUDGET_EXHAUSTED -> {
        Reason r =
            Reason.of(
                "FUNDING_BUDGET_EXHAUSTED",
                Stage.THROTTLE,
                "今日借款需求旺盛，额度已放完，请于 " + answer.nextAvailable() + " 再来",
                "demand is high and today's funds are used up; please come back on "
                    + answer.nextAvailable());
        rs.add(r);
        outcomes.add(
            new RuleOutcome(
                Stage.THROTTLE, "funding", RuleOutcome.FIRED, "defer", "budget exhausted"));
        yield with(
            Outcome.DEFER,
            approvedAmount,
            rs,
            List.of(r),
            outcomes,
            answer,
            answer.nextAvailable());
      }
      case DEMAND_THROTTLED -> {
        Reason r =
            Reason.of(
                "FUNDING_DEMAND_THROTTLED",
                Stage.THROTTLE,
                "今日借款需求旺盛，剩余额度优先满足更优风险等级的申请，请于 " + answer.nextAvailable() + " 再来",
                "demand is high and today's remaining funds go to the lowest-risk applicants first;"
                    + " please come back on "
                    + answer.nextAvailable());
        rs.add(r);
        outcomes.add(
            new RuleOutcome(
                Stage.THROTTLE,
                "demand_priority",
                RuleOutcome.FIRED,
                "defer",
                "band " + band + " not a priority band while demand outruns the budget"));
        yield with(
            Outcome.DEFER,
            approvedAmount,
            rs,
            List.of(r),
            outcomes,
            answer,
            answer.nextAvailable());
      }
      case BORROWER_CAP_REACHED -> {
        Reason r =
            new Reason(
                "BORROWER_CAP_REACHED",
                Stage.LIMIT,
                "您在本平台的授信总额已达上限",
                "the borrower already holds the most credit one borrower may have",
                "line.committed");
        rs.add(r);
        outcomes.add(
            new RuleOutcome(
                Stage.LIMIT,
                "borrower_cap",
                RuleOutcome.FIRED,
                "decline",
                "line taken concurrently"));
        yield with(Outcome.DECLINE, BigDecimal.ZERO, rs, List.of(r), outcomes, answer, null);
      }
    };
  }

  private Decision with(
      Outcome o,
      BigDecimal approved,
      List<Reason> rs,
      List<Reason> principal,
      List<RuleOutcome> outcomes,
      Funding f,
      LocalDate deferred) {
    boolean keepOffer = o == Outcome.APPROVE || o == Outcome.DEFER;
    return new Decision(
        requestId,
        userId,
        productId,
        o,
        requestedAmount,
        approved,
        creditLine,
        keepOffer ? offer : null,
        keepOffer ? termOptions : List.of(),
        keepOffer ? disclosureZh : null,
        keepOffer ? disclosureEn : null,
        score,
        pd,
        band,
        segment,
        rs,
        principal,
        outcomes,
        automated,
        strategy,
        model,
        f,
        deferred,
        decidedAt);
  }
}
