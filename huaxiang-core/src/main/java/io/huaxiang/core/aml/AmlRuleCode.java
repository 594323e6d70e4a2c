package io.huaxiang.core.aml;

/** The screens, with the reasons shown to compliance staff. */
public enum AmlRuleCode {
  LARGE_CASH(
      "大额现金交易：当日单笔或累计人民币5万元以上（含）",
      "large cash transactions: 50,000 CNY or more in a day, single or cumulative"),
  LARGE_ENTITY_TRANSFER(
      "非自然人客户大额划转：当日单笔或累计人民币200万元以上（含）",
      "large entity transfers: 2,000,000 CNY or more in a day, single or cumulative"),
  LARGE_INDIVIDUAL_DOMESTIC_TRANSFER(
      "自然人客户大额境内划转：当日单笔或累计人民币50万元以上（含）",
      "large individual domestic transfers: 500,000 CNY or more in a day, single or cumulative"),
  LARGE_INDIVIDUAL_CROSS_BORDER_TRANSFER(
      "自然人客户大额跨境划转：当日单笔或累计人民币20万元以上（含）",
      "large individual cross-border transfers: 200,000 CNY or more in a day, single or"
          + " cumulative"),
  STRUCTURING(
      "疑似拆分交易：短期内多笔金额略低于大额报告标准",
      "possible structuring: several amounts just under a reporting threshold within a short"
          + " window");

  private final String zh;
  private final String en;

  AmlRuleCode(String zh, String en) {
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
