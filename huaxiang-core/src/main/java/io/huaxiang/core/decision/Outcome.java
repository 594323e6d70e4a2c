package io.huaxiang.core.decision;

import io.huaxiang.core.event.DecisionOutcome;

/** What the lender does with an application. */
public enum Outcome {
  APPROVE("通过", "approve"),
  DECLINE("拒绝", "decline"),
  REVIEW("转人工审核", "refer to manual review"),
  DEFER("借款需求旺，请改日再来", "deferred: today's funding is used up, come back later");

  private final String zh;
  private final String en;

  Outcome(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** The outcome as recorded in the user's event history. */
  public DecisionOutcome toEvent() {
    return switch (this) {
      case APPROVE -> DecisionOutcome.APPROVED;
      case DECLINE -> DecisionOutcome.DECLINED;
      case REVIEW -> DecisionOutcome.REVIEW;
      case DEFER -> DecisionOutcome.DEFERRED;
    };
  }
}
