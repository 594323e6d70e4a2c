package io.huaxiang.core.aml;

/** Whether the customer is a natural person or not; thresholds differ. */
public enum CustomerType {
  INDIVIDUAL("自然人客户", "individual"),
  ENTITY("非自然人客户", "entity");

  private final String zh;
  private final String en;

  CustomerType(String zh, String en) {
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
