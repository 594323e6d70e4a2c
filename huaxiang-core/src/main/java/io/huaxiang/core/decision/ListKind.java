package io.huaxiang.core.decision;

/** The lists an applicant's identifiers are looked up in. */
public enum ListKind {
  BLACK("黑名单", "blacklist"),
  GREY("灰名单", "greylist"),
  WHITE("白名单", "whitelist");

  private final String zh;
  private final String en;

  ListKind(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** The variable rules read, e.g. {@code list.black}. */
  public String variable() {
    return "list." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
