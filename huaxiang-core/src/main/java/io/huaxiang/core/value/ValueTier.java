package io.huaxiang.core.value;

import io.huaxiang.core.event.Labelled;

/** RFM value tiers (价值分层), each with a Chinese and an English label. */
public enum ValueTier implements Labelled {
  CHAMPION("高价值活跃", "champion"),
  LOYAL("忠诚客户", "loyal"),
  PROMISING("潜力客户", "promising"),
  HIGH_VALUE_AT_RISK("高价值待挽回", "high value at risk"),
  AT_RISK("流失风险", "at risk"),
  HIBERNATING("沉睡客户", "hibernating"),
  REGULAR("一般客户", "regular"),
  NON_BORROWER("未借款", "non-borrower");

  private final String zh;
  private final String en;

  ValueTier(String zh, String en) {
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
}
