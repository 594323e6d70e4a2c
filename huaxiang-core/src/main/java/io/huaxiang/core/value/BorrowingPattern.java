package io.huaxiang.core.value;

import io.huaxiang.core.event.Labelled;

/** How a user borrows (借贷模式); see {@link BorrowingPatterns} for the rule. */
public enum BorrowingPattern implements Labelled {
  REVOLVER("循环借贷", "revolver"),
  SHORT_TERM_SMALL_FREQUENT("短期小额高频", "short-term small frequent"),
  LONG_TERM_LARGE("长期大额", "long-term large"),
  INSTALMENT_USER("分期用户", "instalment user"),
  OCCASIONAL("偶尔借款", "occasional borrower"),
  NONE("未借款", "no loan");

  private final String zh;
  private final String en;

  BorrowingPattern(String zh, String en) {
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
