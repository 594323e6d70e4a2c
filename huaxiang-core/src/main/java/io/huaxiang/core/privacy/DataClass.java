package io.huaxiang.core.privacy;

import java.util.List;

/**
 * How sensitive a piece of personal financial information is, after PBoC JR/T 0171-2020
 * (个人金融信息保护技术规范), which sorts it into three classes.
 *
 * <p>The class decides the handling: C3 is never stored in clear and never shown, C2 is encrypted
 * at rest, masked on screen and in logs, C1 is internal data with ordinary access control.
 */
public enum DataClass {
  /** Internal information: account opening channel, internal scores, tags. */
  C1(
      "C1 内部信息：机构内部使用的信息，如开户渠道、内部评分、用户标签",
      "C1 internal: information for internal use only, e.g. acquisition channel, internal scores,"
          + " user tags",
      List.of("acquisition channel", "internal risk score", "portrait tag")),
  /** Identity and financial information: name, ID number, phone, card, income, loans. */
  C2(
      "C2 个人身份与财产信息：姓名、身份证号、手机号、银行卡号、住址、收入、借贷、交易与征信信息",
      "C2 identity and financial: name, resident ID number, phone, bank card number, address,"
          + " income, loans, transactions, credit bureau data",
      List.of(
          "name",
          "resident ID number",
          "mobile phone",
          "bank card number",
          "address",
          "income",
          "loan balance",
          "transaction history",
          "credit report")),
  /** Authentication information: passwords, PINs, card CVN and expiry, biometrics. */
  C3(
      "C3 用户鉴别信息：登录密码、交易密码、银行卡有效期与安全码（CVN）、生物特征",
      "C3 authentication: passwords, PINs, card verification number (CVN) and expiry date,"
          + " biometric templates",
      List.of("login password", "payment PIN", "card CVN2", "card expiry date", "face template"));

  private final String zh;
  private final String en;
  private final List<String> examples;

  DataClass(String zh, String en, List<String> examples) {
    this.zh = zh;
    this.en = en;
    this.examples = examples;
  }

  /** The Chinese description, for data maps and consent texts shown to people. */
  public String zh() {
    return zh;
  }

  /** The English description. */
  public String en() {
    return en;
  }

  /** Typical fields of this class, in English. */
  public List<String> examples() {
    return examples;
  }

  /** Whether values of this class must be encrypted when stored (C2 and C3). */
  public boolean encryptAtRest() {
    return this != C1;
  }

  /** Whether values of this class must be masked when shown or logged (C2 and C3). */
  public boolean maskWhenShown() {
    return this != C1;
  }

  /**
   * Whether values of this class may be kept at all after authentication; C3 may not be kept by a
   * lender except as a salted password hash held by the authentication service.
   */
  public boolean mayBeRetained() {
    return this != C3;
  }
}
