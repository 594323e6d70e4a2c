package io.huaxiang.core.tag;

/** A tag rule file that cannot be loaded: which tag, and what is wrong with it. */
public final class TagRulesException extends RuntimeException {
  public TagRulesException(String message) {
    super(message);
  }

  public TagRulesException(String message, Throwable cause) {
    super(message, cause);
  }
}
