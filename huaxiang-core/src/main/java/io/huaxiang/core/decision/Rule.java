package io.huaxiang.core.decision;

import io.huaxiang.core.expr.CompiledExpression;

/**
 * One strategy rule: when its condition is true it declines, refers to review, adds points to the
 * score or only flags, and gives its reason.
 *
 * @param id rule id, unique in the strategy
 * @param stage the stage it runs in
 * @param condition the compiled condition
 * @param action what it does when it fires
 * @param points points added to the score by a {@code points} rule (negative lowers it)
 * @param reason the reason it gives when it fires
 */
public record Rule(
    String id,
    Stage stage,
    CompiledExpression condition,
    Action action,
    int points,
    Reason reason) {

  /** What a rule does when it fires. */
  public enum Action {
    DECLINE,
    REVIEW,
    POINTS,
    FLAG;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The action as recorded, e.g. {@code decline} or {@code points -20}. */
  public String describe() {
    return action == Action.POINTS ? "points " + points : action.wire();
  }
}
