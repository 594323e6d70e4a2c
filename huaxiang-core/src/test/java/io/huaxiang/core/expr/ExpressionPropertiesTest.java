package io.huaxiang.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ExpressionPropertiesTest {

  @Property(tries = 500, seed = "42")
  void printingThenParsingGivesAnEqualTree(@ForAll("anyTree") Expr tree) {
    String printed = tree.toString();
    assertThat(Expressions.parse(printed)).as(printed).isEqualTo(tree);
  }

  @Property(tries = 1000, seed = "42")
  void compiledEvaluatorAgreesWithReferenceInterpreter(
      @ForAll("condition") Expr condition,
      @ForAll("values") Map<String, Object> values,
      @ForAll("tags") Set<String> tags) {
    CompiledExpression compiled = compileOrSkipEmptyRange(condition);
    Object expected = new ReferenceInterpreter(values, tags).eval(condition);
    MapBindings bindings = MapBindings.of(ExpressionGenerators.SCHEMA, values, tags);
    assertThat(compiled.evaluate(bindings))
        .as("%s with %s %s", condition, values, tags)
        .isEqualTo(expected);
  }

  @Property(tries = 300, seed = "42")
  void compiledNumbersAgreeWithReferenceInterpreter(
      @ForAll("number") Expr number, @ForAll("values") Map<String, Object> values) {
    CompiledExpression compiled =
        Expressions.compile(number.toString(), ExpressionGenerators.SCHEMA);
    Object expected = new ReferenceInterpreter(values, Set.of()).eval(number);
    Object actual = compiled.evaluate(MapBindings.of(ExpressionGenerators.SCHEMA, values));
    assertThat(actual).as("%s with %s", number, values).isEqualTo(expected);
  }

  @Property(tries = 2000, seed = "42")
  void garbageNeverThrowsAnythingButExpressionException(@ForAll("garbage") String source) {
    try {
      Expressions.compile(source, ExpressionGenerators.SCHEMA);
    } catch (ExpressionException e) {
      assertThat(e.offset()).isBetween(0, source.length());
      assertThat(e.getMessage()).isNotBlank();
      assertThat(e.messageZh()).isNotBlank();
    }
  }

  /**
   * Compiles a generated expression. Generated {@code between}s can fold to constant bounds in the
   * wrong order, which the compiler rightly rejects; such samples are skipped, anything else that
   * fails to compile fails the property.
   */
  private static CompiledExpression compileOrSkipEmptyRange(Expr expr) {
    try {
      return Expressions.compile(expr.toString(), ExpressionGenerators.SCHEMA);
    } catch (ExpressionException e) {
      Assume.that(e.kind() != ErrorKind.EMPTY_RANGE);
      throw e;
    }
  }

  @Provide
  Arbitrary<Expr> anyTree() {
    return ExpressionGenerators.anyExpr(3);
  }

  @Provide
  Arbitrary<Expr> condition() {
    return ExpressionGenerators.condition(3);
  }

  @Provide
  Arbitrary<Expr> number() {
    return ExpressionGenerators.num3();
  }

  @Provide
  Arbitrary<Map<String, Object>> values() {
    return ExpressionGenerators.bindings();
  }

  @Provide
  Arbitrary<Set<String>> tags() {
    return Arbitraries.subsetOf(ExpressionGenerators.TAGS).map(HashSet::new);
  }

  /** Strings made of expression fragments and stray characters, so they get past the lexer. */
  @Provide
  Arbitrary<String> garbage() {
    List<String> fragments =
        List.of(
            "n1",
            "t1",
            "b1",
            "app.n3",
            "x.",
            "has_tag",
            "round",
            "coalesce",
            "(",
            ")",
            ",",
            "'",
            "\"",
            "'a'",
            "1",
            "-",
            "2.5",
            "1e",
            "+",
            "*",
            "/",
            "=",
            "==",
            "!=",
            "<>",
            "<",
            ">=",
            "!",
            "&&",
            "||",
            "&",
            "and",
            "or",
            "not",
            "between",
            "in",
            "is",
            "null",
            "true",
            " ",
            "\n",
            "\\",
            "（",
            "#",
            "年");
    Arbitrary<String> tokens =
        Arbitraries.of(fragments).list().ofMaxSize(25).map(parts -> String.join(" ", parts));
    Arbitrary<String> glued =
        Arbitraries.of(fragments).list().ofMaxSize(25).map(parts -> String.join("", parts));
    Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(30);
    return Arbitraries.oneOf(tokens, glued, random);
  }
}
