package io.huaxiang.core.expr;

/**
 * The type of a variable or an expression's value. Numbers are doubles; a missing number is NaN,
 * missing text is {@code null}, and a missing true/false is "unknown".
 */
public enum ValueType {
  NUMBER("number", "数值"),
  TEXT("text", "文本"),
  BOOLEAN("true/false", "布尔值（真/假）");

  private final String displayName;
  private final String displayNameZh;

  ValueType(String displayName, String displayNameZh) {
    this.displayName = displayName;
    this.displayNameZh = displayNameZh;
  }

  /** The name shown to rule authors in English, e.g. "true/false". */
  public String displayName() {
    return displayName;
  }

  /** The name shown to rule authors in Chinese, e.g. "数值". */
  public String displayNameZh() {
    return displayNameZh;
  }
}
