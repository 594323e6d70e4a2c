package io.huaxiang.core.expr;

/**
 * The compiled form of an expression: a tree of small evaluators, one per node, that read {@link
 * Bindings} by slot. Numbers are primitive doubles (NaN is missing) and truth values are small
 * ints, so evaluating number and true/false rules allocates nothing.
 */
final class Eval {

  /** Kleene three-valued logic encoded so that {@code and} is min, {@code or} is max. */
  static final int FALSE = 0;

  static final int UNKNOWN = 1;
  static final int TRUE = 2;

  /** Bindings for evaluating constant sub-expressions at compile time; reading them is a bug. */
  static final Bindings CONSTANT =
      new Bindings() {
        @Override
        public double number(int slot) {
          throw new IllegalStateException("constant expression read slot " + slot);
        }

        @Override
        public String text(int slot) {
          throw new IllegalStateException("constant expression read slot " + slot);
        }

        @Override
        public boolean bool(int slot) {
          throw new IllegalStateException("constant expression read slot " + slot);
        }

        @Override
        public boolean isMissing(int slot) {
          throw new IllegalStateException("constant expression read slot " + slot);
        }

        @Override
        public boolean hasTag(String tag) {
          throw new IllegalStateException("constant expression read tag " + tag);
        }
      };

  private Eval() {}

  /** A true/false expression: returns {@link #FALSE}, {@link #UNKNOWN} or {@link #TRUE}. */
  @FunctionalInterface
  interface Bool {
    int truth(Bindings b);
  }

  /** A number expression: returns NaN when the value is missing. */
  @FunctionalInterface
  interface Num {
    double number(Bindings b);
  }

  /** A text expression: returns null when the value is missing. */
  @FunctionalInterface
  interface Text {
    String text(Bindings b);
  }

  static int truth(boolean value) {
    return value ? TRUE : FALSE;
  }

  static int not(int truth) {
    return TRUE - truth;
  }
}
