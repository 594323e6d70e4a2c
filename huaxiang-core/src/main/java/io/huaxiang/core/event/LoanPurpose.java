package io.huaxiang.core.event;

/** What a loan is for, as declared in the application. */
public enum LoanPurpose implements Labelled {
  CONSUMPTION("消费", "consumption"),
  EDUCATION("教育", "education"),
  MEDICAL("医疗", "medical"),
  SMALL_CREDIT("小额信用", "small credit"),
  BUSINESS("经营", "business");

  private final String zh;
  private final String en;

  LoanPurpose(String zh, String en) {
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
