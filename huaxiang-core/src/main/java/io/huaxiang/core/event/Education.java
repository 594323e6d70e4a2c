package io.huaxiang.core.event;

/** Highest education level declared at registration. */
public enum Education implements Labelled {
  GRADUATE("研究生", "graduate school"),
  UNIVERSITY("本科/大专", "university"),
  HIGH_SCHOOL("高中及以下", "high school or below"),
  OTHER("其他", "other"),
  UNKNOWN("未知", "unknown");

  private final String zh;
  private final String en;

  Education(String zh, String en) {
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
