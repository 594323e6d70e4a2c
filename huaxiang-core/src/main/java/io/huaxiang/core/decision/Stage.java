package io.huaxiang.core.decision;

/** The stages of a strategy, in the order the engine runs them. */
public enum Stage {
  PRE_CHECK("准入检查", "pre-checks"),
  FRAUD("反欺诈", "anti-fraud"),
  SCORE("评分", "score"),
  LIMIT("额度", "credit line"),
  PRICING("定价", "pricing"),
  THROTTLE("资金限流", "funding throttle");

  private final String zh;
  private final String en;

  Stage(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
