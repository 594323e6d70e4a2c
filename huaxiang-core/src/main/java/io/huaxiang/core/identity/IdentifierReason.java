package io.huaxiang.core.identity;

/**
 * Why an identifier was rejected, with a Chinese and an English text for the person who typed it.
 */
public enum IdentifierReason {
  ID_MISSING("身份证号为空", "resident ID number is empty"),
  ID_FORMAT("身份证号应为18位：17位数字加1位数字或X", "resident ID number must be 17 digits plus a digit or X"),
  ID_REGION("身份证号前6位不是有效的行政区划代码", "the first 6 digits are not a valid region code"),
  ID_BIRTH_DATE("身份证号中的出生日期无效", "the birth date in the resident ID number is not a valid date"),
  ID_CHECKSUM("身份证号校验位不正确，请检查是否输错", "the check character does not match; check for a typo"),
  PHONE_MISSING("手机号为空", "mobile number is empty"),
  PHONE_FORMAT("手机号应为11位数字", "mobile number must be 11 digits"),
  PHONE_PREFIX("手机号应以13–19开头", "mobile number must start with 13 to 19"),
  CARD_MISSING("银行卡号为空", "bank card number is empty"),
  CARD_FORMAT("银行卡号只能包含数字", "bank card number may contain digits only"),
  CARD_LENGTH("银行卡号应为13至19位", "bank card number must be 13 to 19 digits"),
  CARD_LUHN("银行卡号校验失败，请检查是否输错", "bank card number fails the Luhn check; check for a typo");

  private final String zh;
  private final String en;

  IdentifierReason(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  /** The stable code, e.g. {@code ID_CHECKSUM}, for APIs and logs. */
  public String code() {
    return name();
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
