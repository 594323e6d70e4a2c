package io.huaxiang.core.event;

/** How a loan is repaid. */
public enum RepaymentMode implements Labelled {
  MONTHLY_INSTALMENT("等额分期", "monthly instalment"),
  BULLET("到期还本付息", "bullet"),
  ON_DEMAND("随借随还", "on demand");

  private final String zh;
  private final String en;

  RepaymentMode(String zh, String en) {
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
