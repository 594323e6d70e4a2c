package io.huaxiang.core.expr;

/**
 * A type-checked, compiled sub-expression: its evaluator and whether it is a constant (depends on
 * no variable and no tag), which the compiler uses to fold constants and pick fast paths.
 */
sealed interface Compiled {

  /** The value type, or null for the literal {@code null}, whose type comes from its place. */
  ValueType type();

  boolean constant();

  record BoolNode(Eval.Bool eval, boolean constant) implements Compiled {
    @Override
    public ValueType type() {
      return ValueType.BOOLEAN;
    }
  }

  /** A number; {@code slot} is the variable's slot when the node is a plain variable, else -1. */
  record NumNode(Eval.Num eval, boolean constant, int slot) implements Compiled {
    NumNode(Eval.Num eval, boolean constant) {
      this(eval, constant, -1);
    }

    @Override
    public ValueType type() {
      return ValueType.NUMBER;
    }
  }

  record TextNode(Eval.Text eval, boolean constant) implements Compiled {
    @Override
    public ValueType type() {
      return ValueType.TEXT;
    }
  }

  /** The literal {@code null} before its place has given it a type. */
  record NullNode() implements Compiled {
    @Override
    public ValueType type() {
      return null;
    }

    @Override
    public boolean constant() {
      return true;
    }
  }
}
