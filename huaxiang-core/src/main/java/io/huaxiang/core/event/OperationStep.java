package io.huaxiang.core.event;

/** Where a page view sits on the operation path register, apply, confirm, repay. */
public enum OperationStep implements Labelled {
  BROWSE("浏览", "browse"),
  REGISTER("注册", "register"),
  APPLY("申请", "apply"),
  CONFIRM("确认", "confirm"),
  REPAY("还款", "repay");

  private final String zh;
  private final String en;

  OperationStep(String zh, String en) {
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
