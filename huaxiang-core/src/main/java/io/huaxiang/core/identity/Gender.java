package io.huaxiang.core.identity;

/** The sex recorded in a resident ID number: odd 17th digit for male, even for female. */
public enum Gender {
  MALE("男", "male"),
  FEMALE("女", "female");

  private final String zh;
  private final String en;

  Gender(String zh, String en) {
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
