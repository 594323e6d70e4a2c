package io.huaxiang.core.event;

/** The outcome of a loan application. */
public enum DecisionOutcome implements Labelled {
  APPROVED("通过", "approved"),
  DECLINED("拒绝", "declined"),
  REVIEW("人工审核", "manual review"),
  DEFERRED("延期(明天再来)", "deferred (come back later)");

  private final String zh;
  private final String en;

  DecisionOutcome(String zh, String en) {
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

  /** The wire name in JSON and CSV: lower snake case. */
  @Override
  public String toString() {
    return Labelled.wireName(this);
  }
}
