package io.huaxiang.core.expr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of expressions for property tests: well-typed ones over {@link #SCHEMA} (to compare
 * the compiler with the reference interpreter) and arbitrary trees (to test printing).
 */
final class ExpressionGenerators {

  static final Schema SCHEMA =
      Schema.builder()
          .number("n1")
          .number("n2")
          .number("app.n3")
          .text("t1")
          .text("t2")
          .bool("b1")
          .bool("b2")
          .build();

  private static final List<String> NUMBER_VARS = List.of("n1", "n2", "app.n3");
  private static final List<String> TEXT_VARS = List.of("t1", "t2");
  private static final List<String> BOOL_VARS = List.of("b1", "b2");
  private static final List<String> TEXTS = List.of("", "a", "b", "北京", "it's");
  static final List<String> TAGS = List.of("night_owl", "vip");

  private ExpressionGenerators() {}

  // ---- well-typed expressions ----

  static Arbitrary<Expr> condition(int depth) {
    return bool(depth);
  }

  static Arbitrary<Expr> num3() {
    return num(3);
  }

  private static Arbitrary<Expr> numberLiteral() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-3, 3).map(i -> new Expr.NumberLiteral(i)),
        Arbitraries.of(0.5, -0.0, 2.675, 1e300, 1e-3).map(Expr.NumberLiteral::new));
  }

  private static Arbitrary<Expr> num(int depth) {
    Arbitrary<Expr> leaf =
        Arbitraries.oneOf(numberLiteral(), Arbitraries.of(NUMBER_VARS).map(Expr.Variable::new));
    if (depth <= 0) {
      return leaf;
    }
    Arbitrary<Expr> sub = Arbitraries.lazy(() -> num(depth - 1));
    Arbitrary<Expr> orNull =
        Arbitraries.frequencyOf(
            Tuple.of(9, sub), Tuple.of(1, Arbitraries.just(new Expr.NullLiteral())));
    return Arbitraries.frequencyOf(
        Tuple.of(4, leaf),
        Tuple.of(
            4,
            Combinators.combine(Arbitraries.of(Expr.ArithmeticOp.class), sub, orNull)
                .as(Expr.Arithmetic::new)),
        Tuple.of(1, sub.map(Expr.Negate::new)),
        Tuple.of(
            2,
            Combinators.combine(
                    Arbitraries.of("abs", "ln", "ROUND"), sub.list().ofMinSize(1).ofMaxSize(1))
                .as(Expr.Call::new)),
        Tuple.of(
            1, Combinators.combine(sub, sub).as((a, b) -> new Expr.Call("round", List.of(a, b)))),
        Tuple.of(
            2,
            Combinators.combine(
                    Arbitraries.of("min", "max", "coalesce"), sub.list().ofMinSize(1).ofMaxSize(3))
                .as(Expr.Call::new)));
  }

  private static Arbitrary<Expr> text(int depth) {
    Arbitrary<Expr> leaf =
        Arbitraries.oneOf(
            Arbitraries.of(TEXTS).map(Expr.TextLiteral::new),
            Arbitraries.of(TEXT_VARS).map(Expr.Variable::new));
    if (depth <= 0) {
      return leaf;
    }
    Arbitrary<Expr> sub = Arbitraries.lazy(() -> text(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(5, leaf),
        Tuple.of(
            1,
            Combinators.combine(sub, sub).as((a, b) -> new Expr.Call("coalesce", List.of(a, b)))));
  }

  private static Arbitrary<Expr> bool(int depth) {
    Arbitrary<Expr> leaf =
        Arbitraries.oneOf(
            Arbitraries.of(true, false).map(Expr.BooleanLiteral::new),
            Arbitraries.of(BOOL_VARS).map(Expr.Variable::new),
            Arbitraries.of("night_owl", "vip", "other")
                .map(t -> new Expr.Call("has_tag", List.of(new Expr.TextLiteral(t)))));
    if (depth <= 0) {
      return leaf;
    }
    Arbitrary<Expr> sub = Arbitraries.lazy(() -> bool(depth - 1));
    Arbitrary<Expr> num = Arbitraries.lazy(() -> num(depth - 1));
    Arbitrary<Expr> text = Arbitraries.lazy(() -> text(depth - 1));
    Arbitrary<Expr> subOrNull =
        Arbitraries.frequencyOf(
            Tuple.of(9, sub), Tuple.of(1, Arbitraries.just(new Expr.NullLiteral())));
    Arbitrary<Expr.CompareOp> ops = Arbitraries.of(Expr.CompareOp.class);
    return Arbitraries.frequencyOf(
        Tuple.of(3, leaf),
        Tuple.of(6, rulePredicate()),
        Tuple.of(1, sub.map(Expr.Not::new)),
        Tuple.of(
            3,
            Combinators.combine(Arbitraries.of(Expr.LogicalOp.class), sub, subOrNull)
                .as(Expr.Logical::new)),
        Tuple.of(4, Combinators.combine(ops, num, num).as(Expr.Comparison::new)),
        Tuple.of(2, Combinators.combine(ops, text, text).as(Expr.Comparison::new)),
        Tuple.of(
            1,
            Combinators.combine(Arbitraries.of(Expr.CompareOp.EQ, Expr.CompareOp.NE), sub, sub)
                .as(Expr.Comparison::new)),
        Tuple.of(
            2,
            Combinators.combine(num, num, num, Arbitraries.of(true, false)).as(Expr.Between::new)),
        Tuple.of(
            1,
            Combinators.combine(text, text, text, Arbitraries.of(true, false))
                .as(Expr.Between::new)),
        Tuple.of(
            2,
            Combinators.combine(
                    num, num.list().ofMinSize(1).ofMaxSize(12), Arbitraries.of(true, false))
                .as(Expr.In::new)),
        Tuple.of(
            1,
            Combinators.combine(
                    text, text.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(true, false))
                .as(Expr.In::new)),
        Tuple.of(
            1,
            Combinators.combine(
                    sub, sub.list().ofMinSize(1).ofMaxSize(2), Arbitraries.of(true, false))
                .as(Expr.In::new)),
        Tuple.of(
            2,
            Combinators.combine(Arbitraries.oneOf(num, text, sub), Arbitraries.of(true, false))
                .as(Expr.IsNull::new)),
        Tuple.of(
            1,
            Combinators.combine(sub, sub).as((a, b) -> new Expr.Call("coalesce", List.of(a, b)))),
        Tuple.of(1, text.map(t -> new Expr.Call("has_tag", List.of(t)))));
  }

  /**
   * The shapes real rules are made of ({@code n1 >= 2}, {@code 1 < n1}, {@code n1 between -1 and
   * 2}, {@code n1 in (0, 1)}), which the compiler evaluates on fast paths; small integers make
   * boundary hits likely.
   */
  private static Arbitrary<Expr> rulePredicate() {
    Arbitrary<Expr> variable = Arbitraries.of(NUMBER_VARS).map(Expr.Variable::new);
    Arbitrary<Expr> constant =
        Arbitraries.integers().between(-3, 3).map(i -> new Expr.NumberLiteral(i));
    Arbitrary<Boolean> flag = Arbitraries.of(true, false);
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of(Expr.CompareOp.class), variable, constant)
            .as(Expr.Comparison::new),
        Combinators.combine(Arbitraries.of(Expr.CompareOp.class), constant, variable)
            .as(Expr.Comparison::new),
        // Bounds in order: the compiler rejects a constant range whose low is above its high.
        Combinators.combine(variable, constant, Arbitraries.integers().between(0, 3), flag)
            .as(
                (v, low, width, negated) ->
                    new Expr.Between(
                        v,
                        low,
                        new Expr.NumberLiteral(((Expr.NumberLiteral) low).value() + width),
                        negated)),
        Combinators.combine(variable, constant.list().ofMinSize(1).ofMaxSize(10), flag)
            .as(Expr.In::new));
  }

  /** Values for every schema variable, each possibly missing (absent from the map). */
  static Arbitrary<Map<String, Object>> bindings() {
    Arbitrary<Double> number =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(null)),
            Tuple.of(5, Arbitraries.integers().between(-3, 3).map(i -> (double) i)),
            Tuple.of(2, Arbitraries.doubles().between(-1e6, 1e6)),
            Tuple.of(1, Arbitraries.of(-0.0, 0.5, 2.675, 1e300)));
    Arbitrary<String> text =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(null)), Tuple.of(4, Arbitraries.of(TEXTS)));
    Arbitrary<Boolean> bool = Arbitraries.of(true, false).injectNull(0.25);
    return Combinators.combine(
            number.list().ofSize(3), text.list().ofSize(2), bool.list().ofSize(2))
        .as(
            (numbers, texts, bools) -> {
              Map<String, Object> values = new HashMap<>();
              for (int i = 0; i < 3; i++) {
                values.put(NUMBER_VARS.get(i), numbers.get(i));
              }
              for (int i = 0; i < 2; i++) {
                values.put(TEXT_VARS.get(i), texts.get(i));
                values.put(BOOL_VARS.get(i), bools.get(i));
              }
              values.values().removeIf(v -> v == null);
              return values;
            });
  }

  // ---- arbitrary trees, for printing ----

  static Arbitrary<Expr> anyExpr(int depth) {
    Arbitrary<Expr> leaf =
        Arbitraries.oneOf(
            Arbitraries.doubles()
                .between(-1e20, 1e20)
                .edgeCases(c -> c.add(-0.0))
                .map(Expr.NumberLiteral::new),
            Arbitraries.of(0.1, 1e-7, 123456789012345678.0, -5.0, 0.0).map(Expr.NumberLiteral::new),
            Arbitraries.strings().ofMaxLength(6).map(Expr.TextLiteral::new),
            Arbitraries.of(true, false).map(Expr.BooleanLiteral::new),
            Arbitraries.just(new Expr.NullLiteral()),
            identifier().map(Expr.Variable::new));
    if (depth <= 0) {
      return leaf;
    }
    Arbitrary<Expr> sub = Arbitraries.lazy(() -> anyExpr(depth - 1));
    Arbitrary<Boolean> flag = Arbitraries.of(true, false);
    return Arbitraries.oneOf(
        leaf,
        sub.map(Expr.Not::new),
        sub.map(Expr.Negate::new),
        Combinators.combine(Arbitraries.of(Expr.LogicalOp.class), sub, sub).as(Expr.Logical::new),
        Combinators.combine(Arbitraries.of(Expr.CompareOp.class), sub, sub)
            .as(Expr.Comparison::new),
        Combinators.combine(Arbitraries.of(Expr.ArithmeticOp.class), sub, sub)
            .as(Expr.Arithmetic::new),
        Combinators.combine(sub, sub, sub, flag).as(Expr.Between::new),
        Combinators.combine(sub, sub.list().ofMinSize(1).ofMaxSize(3), flag).as(Expr.In::new),
        Combinators.combine(sub, flag).as(Expr.IsNull::new),
        Combinators.combine(identifier(), sub.list().ofMaxSize(3)).as(Expr.Call::new));
  }

  private static Arbitrary<String> identifier() {
    Arbitrary<String> part =
        Combinators.combine(
                Arbitraries.chars().range('a', 'z').with('_', '年'),
                Arbitraries.strings()
                    .withCharRange('a', 'z')
                    .numeric()
                    .withChars('_')
                    .ofMaxLength(4))
            .as((first, rest) -> first + rest)
            .filter(s -> !Lexer.isKeyword(s));
    return part.list().ofMinSize(1).ofMaxSize(2).map(parts -> String.join(".", parts));
  }
}
