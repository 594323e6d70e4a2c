package io.huaxiang.core.event;

/** Why an incoming event was refused; stable codes for clients and dead-letter files. */
public enum RejectReason {
  MALFORMED_JSON("请求体不是合法的 JSON", "the body is not valid JSON"),
  UNKNOWN_EVENT_TYPE("未知的事件类型", "unknown event type"),
  MISSING_FIELD("缺少必填字段", "a required field is missing"),
  WRONG_TYPE("字段类型错误", "a field has the wrong type"),
  INVALID_VALUE("字段取值不合法", "a field has an invalid value"),
  NEGATIVE_AMOUNT("金额不能为负", "an amount is negative"),
  FUTURE_EVENT_TIME("事件时间晚于允许的未来容差", "the event time is too far in the future"),
  UNKNOWN_FIELD("未知字段", "an unknown field was sent"),
  FORBIDDEN_DATA("禁止采集的数据(如密码、CVN)", "data that must never be collected (e.g. passwords, CVN)"),
  TOO_LARGE("记录过大", "the record is too large"),
  CONSENT_MISSING("用户未授权该处理目的", "the user has not consented to this purpose of processing"),
  SUBJECT_ERASED("该用户的数据已应其请求删除，不再收集", "the user's data was erased at their request");

  private final String zh;
  private final String en;

  RejectReason(String zh, String en) {
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
