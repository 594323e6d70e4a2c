package io.huaxiang.core.decision;

/**
 * A strategy or product catalogue that cannot be loaded: the message names the place (e.g. {@code
 * fraud.rules[2].when}) and what is wrong, in English; {@link #messageZh()} says it in Chinese.
 */
public final class DefinitionException extends IllegalArgumentException {
  private final String path;
  private final String messageZh;
  private final String kind;

  public DefinitionException(String kind, String path, String message, String messageZh) {
    super(path.isEmpty() ? message : path + ": " + message);
    this.kind = kind;
    this.path = path;
    this.messageZh = path.isEmpty() ? messageZh : path + "：" + messageZh;
  }

  /**
   * What kind of problem: {@code SYNTAX}, {@code MISSING}, {@code UNKNOWN_FIELD}, {@code
   * UNKNOWN_FEATURE}, {@code TYPE_ERROR}, {@code EXPRESSION}, {@code APR_ABOVE_CAP}, {@code
   * FORBIDDEN_FEATURE}, {@code INVALID_VALUE}.
   */
  public String kind() {
    return kind;
  }

  /** Where in the file, e.g. {@code pricing.adjustments[0].when}. */
  public String path() {
    return path;
  }

  public String messageZh() {
    return messageZh;
  }
}
