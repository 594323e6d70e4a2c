package io.huaxiang.core.event;

/** What a user is linked to, for the relationship graph. */
public enum RelationKind implements Labelled {
  DEVICE("设备", "device"),
  PHONE("手机号", "phone"),
  BANK_CARD("银行卡", "bank card"),
  CONTACT("联系人", "contact"),
  REFERRER("推荐人", "referrer");

  private final String zh;
  private final String en;

  RelationKind(String zh, String en) {
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
