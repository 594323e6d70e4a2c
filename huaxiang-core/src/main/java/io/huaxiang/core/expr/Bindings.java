package io.huaxiang.core.expr;

/**
 * The values a compiled expression is evaluated against, read by the slots its {@link Schema}
 * assigned. Implementations for the hot path are usually a thin view over arrays (one portrait, one
 * application); {@link MapBindings} is the simple one for tests and low volume.
 *
 * <p>Contract, so that evaluation needs one call per variable read:
 *
 * <ul>
 *   <li>{@link #number} returns {@code NaN} when the number is missing;
 *   <li>{@link #text} returns {@code null} when the text is missing;
 *   <li>{@link #bool} is only called when {@link #isMissing} is false for that slot.
 * </ul>
 */
public interface Bindings {

  /** The number in {@code slot}, or NaN if it is missing. */
  double number(int slot);

  /** The text in {@code slot}, or null if it is missing. */
  String text(int slot);

  /** The true/false value in {@code slot}; only read when {@link #isMissing} is false. */
  boolean bool(int slot);

  /** Whether the value in {@code slot} is missing (never computed, not applicable, or null). */
  boolean isMissing(int slot);

  /** Whether the subject (user, applicant) carries the tag, for {@code has_tag('x')}. */
  boolean hasTag(String tag);
}
