package io.huaxiang.core.lending;

/** How a loan is paid back, with the names borrowers see in contracts. */
public enum RepaymentMethod {
  /** Equal monthly payments of principal and interest (annuity). */
  EQUAL_INSTALMENT("等额本息", "equal instalments"),
  /** Equal monthly principal plus interest on the remaining balance. */
  EQUAL_PRINCIPAL("等额本金", "equal principal"),
  /** Principal and interest together at maturity. */
  BULLET("到期一次还本付息", "bullet (all at maturity)"),
  /**
   * Equal monthly principal plus a fixed monthly fee on the original principal; the headline
   * "monthly fee 0.6 %" hides a true APR of about 13 %.
   */
  FLAT_FEE("等额本金·按月收取固定费用", "equal principal with a flat monthly fee");

  private final String zh;
  private final String en;

  RepaymentMethod(String zh, String en) {
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
