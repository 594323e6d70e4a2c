package io.huaxiang.core.event;

/** Declared monthly income band in CNY. */
public enum IncomeBand implements Labelled {
  BELOW_3K("3千以下", "below 3k"),
  FROM_3K_TO_5K("3千-5千", "3k-5k"),
  FROM_5K_TO_10K("5千-1万", "5k-10k"),
  FROM_10K_TO_20K("1万-2万", "10k-20k"),
  ABOVE_20K("2万以上", "above 20k"),
  UNKNOWN("未知", "unknown");

  private final String zh;
  private final String en;

  IncomeBand(String zh, String en) {
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
