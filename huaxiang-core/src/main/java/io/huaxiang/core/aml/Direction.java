package io.huaxiang.core.aml;

/**
 * Money in or out of the customer's account. Daily totals are kept per direction: the order
 * accumulates receipts and payments separately ("按资金收入或者支出单边累计").
 */
public enum Direction {
  IN("收入", "in"),
  OUT("支出", "out");

  private final String zh;
  private final String en;

  Direction(String zh, String en) {
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
