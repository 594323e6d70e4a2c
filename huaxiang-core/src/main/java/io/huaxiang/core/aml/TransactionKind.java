package io.huaxiang.core.aml;

/** The kinds of transaction that PBoC Order [2016] No. 3 sets large-value thresholds for. */
public enum TransactionKind {
  /** Cash deposit, withdrawal, cash remittance and other cash receipts and payments. */
  CASH("现金收支", "cash"),
  /** Transfer between accounts inside mainland China (non-cash). */
  DOMESTIC_TRANSFER("境内款项划转", "domestic transfer"),
  /** Transfer to or from an account outside mainland China. */
  CROSS_BORDER_TRANSFER("跨境款项划转", "cross-border transfer");

  private final String zh;
  private final String en;

  TransactionKind(String zh, String en) {
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
