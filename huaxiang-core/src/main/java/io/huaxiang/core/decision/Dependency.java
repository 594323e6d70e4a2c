package io.huaxiang.core.decision;

/**
 * A source a decision reads. When one is down the engine fails closed: the outcome can be review or
 * decline, never approve.
 */
public enum Dependency {
  PORTRAIT("用户画像", "portrait"),
  LISTS("黑白名单", "black/grey/white lists"),
  VELOCITY("频次计数", "velocity counters"),
  COMMITMENTS("已占用额度", "credit line commitments");

  private final String zh;
  private final String en;

  Dependency(String zh, String en) {
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
