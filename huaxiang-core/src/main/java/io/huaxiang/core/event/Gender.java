package io.huaxiang.core.event;

/**
 * A person's gender as declared at registration; never usable for pricing (see the pricing rules).
 */
public enum Gender implements Labelled {
  MALE("男", "male"),
  FEMALE("女", "female"),
  UNKNOWN("未知", "unknown");

  private final String zh;
  private final String en;

  Gender(String zh, String en) {
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
