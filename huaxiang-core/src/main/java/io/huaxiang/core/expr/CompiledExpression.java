package io.huaxiang.core.expr;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A type-checked expression ready to evaluate many times, from many threads. Obtain one from {@link
 * Expressions#compile}.
 *
 * <p>Missing values follow SQL's three-valued logic: a comparison with a missing operand is
 * unknown, {@code not unknown} is unknown, {@code false and unknown} is false, {@code true or
 * unknown} is true. {@link #test} answers true only for true, so a rule never fires because of a
 * value that is not there; write {@code x is null} to act on missing values.
 */
public final class CompiledExpression {

  private final String source;
  private final Expr ast;
  private final ValueType type;
  private final Eval.Bool bool;
  private final Eval.Num number;
  private final Eval.Text text;
  private final Set<String> variables;
  private final Set<String> tags;

  CompiledExpression(
      String source, Expr ast, Compiled root, Set<String> variables, Set<String> tags) {
    this.source = source;
    this.ast = ast;
    this.type = root.type();
    this.bool = root instanceof Compiled.BoolNode b ? b.eval() : null;
    this.number = root instanceof Compiled.NumNode n ? n.eval() : null;
    this.text = root instanceof Compiled.TextNode t ? t.eval() : null;
    this.variables = Collections.unmodifiableSet(new LinkedHashSet<>(variables));
    this.tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
  }

  /**
   * Whether a true/false expression is true for {@code bindings}; false when it is false or unknown
   * (because of missing values).
   *
   * @throws IllegalStateException if the expression is not true/false
   */
  public boolean test(Bindings bindings) {
    if (bool == null) {
      throw notOfType(ValueType.BOOLEAN, "test");
    }
    return bool.truth(bindings) == Eval.TRUE;
  }

  /**
   * The truth of a true/false expression: {@code TRUE}, {@code FALSE} or {@code null} for unknown.
   *
   * @throws IllegalStateException if the expression is not true/false
   */
  public Boolean truth(Bindings bindings) {
    if (bool == null) {
      throw notOfType(ValueType.BOOLEAN, "truth");
    }
    int t = bool.truth(bindings);
    return t == Eval.UNKNOWN ? null : t == Eval.TRUE;
  }

  /**
   * The value of a number expression; NaN when it is missing.
   *
   * @throws IllegalStateException if the expression is not a number
   */
  public double evaluateNumber(Bindings bindings) {
    if (number == null) {
      throw notOfType(ValueType.NUMBER, "evaluateNumber");
    }
    return number.number(bindings);
  }

  /**
   * The value of a text expression; null when it is missing.
   *
   * @throws IllegalStateException if the expression is not text
   */
  public String evaluateText(Bindings bindings) {
    if (text == null) {
      throw notOfType(ValueType.TEXT, "evaluateText");
    }
    return text.text(bindings);
  }

  /**
   * The value of any expression: a {@link Double}, {@link String} or {@link Boolean}, or null when
   * missing (unknown, for true/false). Allocates for numbers; prefer the typed methods in hot
   * loops.
   */
  public Object evaluate(Bindings bindings) {
    return switch (type) {
      case BOOLEAN -> truth(bindings);
      case NUMBER -> {
        double v = number.number(bindings);
        yield v != v ? null : (Object) v;
      }
      case TEXT -> text.text(bindings);
    };
  }

  public ValueType type() {
    return type;
  }

  /** The source text as written. */
  public String source() {
    return source;
  }

  /** The parsed syntax tree. */
  public Expr ast() {
    return ast;
  }

  /**
   * The schema variables the expression reads, in order of first use, for validation and lineage.
   */
  public Set<String> variables() {
    return variables;
  }

  /** The tags named by {@code has_tag('…')} with a constant argument, in order of first use. */
  public Set<String> tags() {
    return tags;
  }

  private IllegalStateException notOfType(ValueType wanted, String method) {
    return new IllegalStateException(
        method
            + "() needs an expression of type "
            + wanted
            + " but '"
            + source
            + "' is "
            + type
            + "; use "
            + switch (type) {
              case BOOLEAN -> "test()";
              case NUMBER -> "evaluateNumber()";
              case TEXT -> "evaluateText()";
            }
            + " or evaluate()");
  }

  @Override
  public String toString() {
    return source;
  }
}
