package io.huaxiang.core.event;

/** A purpose of processing that needs the user's consent (PIPL Arts 13-17, 23, 29). */
public enum ConsentPurpose implements Labelled {
  CREDIT_ASSESSMENT("信用评估", "credit assessment"),
  CREDIT_BUREAU_QUERY("征信查询", "credit bureau query"),
  MARKETING("营销", "marketing"),
  THIRD_PARTY_SHARING("向第三方提供", "sharing with a third party"),
  SENSITIVE_DATA("敏感个人信息处理", "sensitive data processing");

  private final String zh;
  private final String en;

  ConsentPurpose(String zh, String en) {
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
