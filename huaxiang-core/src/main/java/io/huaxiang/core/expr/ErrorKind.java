package io.huaxiang.core.expr;

/** What kind of mistake an {@link ExpressionException} reports, for tools that react to it. */
public enum ErrorKind {
  /** A character that cannot start any token, an unterminated string, a malformed number. */
  LEXICAL,
  /** Tokens in an order the grammar does not allow; {@code expected()} lists what would fit. */
  SYNTAX,
  /** Nested more deeply than the parser allows. */
  TOO_COMPLEX,
  /** A name the schema does not declare. */
  UNKNOWN_VARIABLE,
  /** A function the registry does not know. */
  UNKNOWN_FUNCTION,
  /** A function called with too few or too many arguments. */
  WRONG_ARGUMENT_COUNT,
  /** A value of the wrong type for its place, e.g. text compared with a number. */
  TYPE_MISMATCH,
  /** A {@code between} whose constant lower bound is above its upper bound, so it never holds. */
  EMPTY_RANGE,
  /** A misuse of {@code null}, e.g. {@code x = null} instead of {@code x is null}. */
  NULL_MISUSE
}
