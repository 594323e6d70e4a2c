package io.huaxiang.core.profile;

import io.huaxiang.core.event.Labelled;

/** The business funnel a borrower moves along; a profile remembers when each stage was reached. */
public enum FunnelStage implements Labelled {
  REGISTERED("注册", "registered"),
  APPLIED("申请", "applied"),
  APPROVED("审批通过", "approved"),
  DISBURSED("放款", "disbursed"),
  REPAID("首次还款", "first repayment");

  private final String zh;
  private final String en;

  FunnelStage(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  @Override
  public String zh() {
    return zh;
  }

  @Override
  public String en() {
    return en;
  }

  @Override
  public String toString() {
    return Labelled.wireName(this);
  }
}
