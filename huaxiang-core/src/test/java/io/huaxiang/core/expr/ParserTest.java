package io.huaxiang.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.expr.Expr.Arithmetic;
import io.huaxiang.core.expr.Expr.ArithmeticOp;
import io.huaxiang.core.expr.Expr.Between;
import io.huaxiang.core.expr.Expr.BooleanLiteral;
import io.huaxiang.core.expr.Expr.Call;
import io.huaxiang.core.expr.Expr.CompareOp;
import io.huaxiang.core.expr.Expr.Comparison;
import io.huaxiang.core.expr.Expr.In;
import io.huaxiang.core.expr.Expr.IsNull;
import io.huaxiang.core.expr.Expr.Logical;
import io.huaxiang.core.expr.Expr.LogicalOp;
import io.huaxiang.core.expr.Expr.Negate;
import io.huaxiang.core.expr.Expr.Not;
import io.huaxiang.core.expr.Expr.NullLiteral;
import io.huaxiang.core.expr.Expr.NumberLiteral;
import io.huaxiang.core.expr.Expr.TextLiteral;
import io.huaxiang.core.expr.Expr.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

  private static Variable v(String name) {
    return new Variable(name);
  }

  private static NumberLiteral n(double value) {
    return new NumberLiteral(value);
  }

  @Test
  void parsesLiteralsOfEveryKind() {
    assertThat(Expressions.parse("42")).isEqualTo(n(42));
    assertThat(Expressions.parse("0.95")).isEqualTo(n(0.95));
    assertThat(Expressions.parse(".5")).isEqualTo(n(0.5));
    assertThat(Expressions.parse("1.5e3")).isEqualTo(n(1500));
    assertThat(Expressions.parse("2E-2")).isEqualTo(n(0.02));
    assertThat(Expressions.parse("-7")).isEqualTo(n(-7));
    assertThat(Expressions.parse("'北京'")).isEqualTo(new TextLiteral("北京"));
    assertThat(Expressions.parse("\"night_owl\"")).isEqualTo(new TextLiteral("night_owl"));
    assertThat(Expressions.parse("'it''s'")).isEqualTo(new TextLiteral("it's"));
    assertThat(Expressions.parse("'a\\'b\\\\c\\n'")).isEqualTo(new TextLiteral("a'b\\c\n"));
    assertThat(Expressions.parse("TRUE")).isEqualTo(new BooleanLiteral(true));
    assertThat(Expressions.parse("false")).isEqualTo(new BooleanLiteral(false));
    assertThat(Expressions.parse("Null")).isEqualTo(new NullLiteral());
  }

  @Test
  void readsDottedIdentifiersAsOneVariable() {
    assertThat(Expressions.parse("application.amount > 0.5 * income.monthly"))
        .isEqualTo(
            new Comparison(
                CompareOp.GT,
                v("application.amount"),
                new Arithmetic(ArithmeticOp.MULTIPLY, n(0.5), v("income.monthly"))));
  }

  @Test
  void andBindsTighterThanOr() {
    assertThat(Expressions.parse("a or b and c"))
        .isEqualTo(new Logical(LogicalOp.OR, v("a"), new Logical(LogicalOp.AND, v("b"), v("c"))));
    assertThat(Expressions.parse("a and b or c"))
        .isEqualTo(new Logical(LogicalOp.OR, new Logical(LogicalOp.AND, v("a"), v("b")), v("c")));
  }

  @Test
  void notBindsLooserThanComparisonAndTighterThanAnd() {
    assertThat(Expressions.parse("not a = 1 and b"))
        .isEqualTo(
            new Logical(
                LogicalOp.AND, new Not(new Comparison(CompareOp.EQ, v("a"), n(1))), v("b")));
  }

  @Test
  void arithmeticFollowsSchoolPrecedenceAndIsLeftAssociative() {
    assertThat(Expressions.parse("a - b - c * d / e"))
        .isEqualTo(
            new Arithmetic(
                ArithmeticOp.SUBTRACT,
                new Arithmetic(ArithmeticOp.SUBTRACT, v("a"), v("b")),
                new Arithmetic(
                    ArithmeticOp.DIVIDE,
                    new Arithmetic(ArithmeticOp.MULTIPLY, v("c"), v("d")),
                    v("e"))));
  }

  @Test
  void minusBeforeANumberIsPartOfTheLiteralOtherwiseNegation() {
    assertThat(Expressions.parse("a - -5"))
        .isEqualTo(new Arithmetic(ArithmeticOp.SUBTRACT, v("a"), n(-5)));
    assertThat(Expressions.parse("-a")).isEqualTo(new Negate(v("a")));
    assertThat(Expressions.parse("-(5)")).isEqualTo(new Negate(n(5)));
    assertThat(Expressions.parse("--a")).isEqualTo(new Negate(new Negate(v("a"))));
  }

  @Test
  void parsesPredicates() {
    assertThat(Expressions.parse("age between 20 and 40"))
        .isEqualTo(new Between(v("age"), n(20), n(40), false));
    assertThat(Expressions.parse("age NOT BETWEEN 20 AND 40 and x"))
        .isEqualTo(new Logical(LogicalOp.AND, new Between(v("age"), n(20), n(40), true), v("x")));
    assertThat(Expressions.parse("city_tier in (1, 2)"))
        .isEqualTo(new In(v("city_tier"), List.of(n(1), n(2)), false));
    assertThat(Expressions.parse("city not in ('a')"))
        .isEqualTo(new In(v("city"), List.of(new TextLiteral("a")), true));
    assertThat(Expressions.parse("x is null")).isEqualTo(new IsNull(v("x"), false));
    assertThat(Expressions.parse("x IS NOT NULL")).isEqualTo(new IsNull(v("x"), true));
  }

  @Test
  void parsesCallsKeepingTheNameAsWritten() {
    assertThat(Expressions.parse("has_tag('night_owl')"))
        .isEqualTo(new Call("has_tag", List.of(new TextLiteral("night_owl"))));
    assertThat(Expressions.parse("MAX(a, b, 3)"))
        .isEqualTo(new Call("MAX", List.of(v("a"), v("b"), n(3))));
    assertThat(Expressions.parse("f()")).isEqualTo(new Call("f", List.of()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '`',
      value = {
        "a && b || !c => a and b or not c",
        "a == 1 => a = 1",
        "a <> 1 => a != 1",
        "a AND (b OR c) => a and (b or c)",
        "(a - b) - c => a - b - c",
        "a - (b - c) => a - (b - c)",
        "(a * b) + c => a * b + c",
        "a * (b + c) => a * (b + c)",
        "(a = b) = true => (a = b) = true",
        "-(a + b) => -(a + b)",
        "not (a and b) => not (a and b)",
        "x in (1,2 , 3) => x in (1, 2, 3)",
        "\"q\" = 'q' => 'q' = 'q'",
        "1.50 + 2e1 + 0.001 => 1.5 + 20 + 0.001",
        "round( x ,2 ) => round(x, 2)",
        "(x between 1 and 2) between true and false => (x between 1 and 2) between true and false",
      })
  void printsCanonicalSource(String source, String canonical) {
    Expr parsed = Expressions.parse(source);
    assertThat(parsed.toString()).isEqualTo(canonical);
    assertThat(Expressions.parse(canonical)).isEqualTo(parsed);
  }

  @Test
  void printsNegatedLiteralWithParenthesesSoItDoesNotBecomeANegativeLiteral() {
    Expr negated = new Negate(n(5));
    assertThat(negated.toString()).isEqualTo("-(5)");
    assertThat(Expressions.parse(negated.toString())).isEqualTo(negated);
    assertThat(new TextLiteral("it's\\").toString()).isEqualTo("'it\\'s\\\\'");
  }

  @Test
  void keywordsAreCaseInsensitiveButIdentifiersAreNot() {
    assertThat(Expressions.parse("Age Between 1 And 2"))
        .isEqualTo(new Between(v("Age"), n(1), n(2), false));
  }
}
