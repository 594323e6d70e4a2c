package io.huaxiang.core.decision;

/**
 * What one rule did in one decision: kept for every rule evaluated, fired or not, so a decision can
 * be audited and replayed rule by rule.
 *
 * @param stage the rule's stage
 * @param rule the rule id
 * @param result {@code fired}, {@code not_fired}, {@code unknown} (a value it needs is missing) or
 *     {@code skipped} (an earlier stage already decided)
 * @param action what the rule does when it fires, e.g. {@code decline}, {@code points -20}
 * @param detail a short note, e.g. the score and the cut-off it was compared with
 */
public record RuleOutcome(Stage stage, String rule, String result, String action, String detail) {
  public static final String FIRED = "fired";
  public static final String NOT_FIRED = "not_fired";
  public static final String UNKNOWN = "unknown";
  public static final String SKIPPED = "skipped";

  public boolean fired() {
    return FIRED.equals(result);
  }
}
