package io.huaxiang.core.event;

/** Marital status declared at registration. */
public enum MaritalStatus implements Labelled {
  MARRIED("已婚", "married"),
  SINGLE("未婚", "single"),
  OTHER("其他", "other"),
  UNKNOWN("未知", "unknown");

  private final String zh;
  private final String en;

  MaritalStatus(String zh, String en) {
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
