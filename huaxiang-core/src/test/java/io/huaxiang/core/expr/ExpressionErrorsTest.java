package io.huaxiang.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpressionErrorsTest {

  private static final Schema SCHEMA =
      Schema.builder()
          .number("age")
          .number("city_tier")
          .number("on_time_repayment_ratio")
          .number("application.amount")
          .text("city")
          .bool("verified")
          .build();

  private static ExpressionException compileError(String source) {
    try {
      Expressions.compile(source, SCHEMA);
    } catch (ExpressionException e) {
      return e;
    }
    throw new AssertionError("expected an ExpressionException for: " + source);
  }

  @Test
  void missingOperandListsEveryTokenThatCouldStartOne() {
    ExpressionException e = compileError("age > 1 and and verified");
    assertThat(e.kind()).isEqualTo(ErrorKind.SYNTAX);
    assertThat(e.offset()).isEqualTo(12);
    assertThat(e.position()).isEqualTo(13);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(13);
    assertThat(e.length()).isEqualTo(3);
    assertThat(e.found()).isEqualTo("'and'");
    assertThat(e.expected())
        .containsExactly(
            "identifier", "number", "string", "'true'", "'false'", "'null'", "'('", "'not'", "'-'");
    assertThat(e.getMessage())
        .isEqualTo(
            "line 1, column 13: expected one of: identifier, number, string, 'true', 'false',"
                + " 'null', '(', 'not', '-' but found 'and'\n"
                + "  age > 1 and and verified\n"
                + "              ^^^");
    assertThat(e.messageZh())
        .startsWith("第 1 行第 13 列：此处应为以下之一：标识符、数字、字符串")
        .endsWith("但遇到 'and'\n  age > 1 and and verified\n              ^^^");
  }

  @Test
  void unexpectedEndAfterOperatorSaysEndOfInput() {
    ExpressionException e = compileError("age >");
    assertThat(e.found()).isEqualTo("end of input");
    assertThat(e.column()).isEqualTo(6);
    assertThat(e.expected()).contains("identifier", "number").doesNotContain("'not'");
    assertThat(e.messageZh()).contains("但遇到 表达式结尾");
  }

  @Test
  void trailingTokenListsOperatorsThatCouldContinue() {
    ExpressionException e = compileError("age > 1 5");
    assertThat(e.column()).isEqualTo(9);
    assertThat(e.expected())
        .containsExactly("arithmetic operator (+ - * /)", "'and'", "'or'", "end of input");
  }

  @Test
  void unclosedParenthesisExpectsClosingOne() {
    ExpressionException e = compileError("(age > 1 or verified");
    assertThat(e.found()).isEqualTo("end of input");
    assertThat(e.expected()).contains("')'").doesNotContain("end of input");
  }

  @Test
  void betweenWithoutAndExpectsAnd() {
    ExpressionException e = compileError("age between 20 40");
    assertThat(e.column()).isEqualTo(16);
    assertThat(e.expected()).containsExactly("arithmetic operator (+ - * /)", "'and'");
  }

  @Test
  void notMustBeFollowedByBetweenOrInAfterAValue() {
    ExpressionException e = compileError("age not 5");
    assertThat(e.expected()).containsExactly("'between'", "'in'");
    assertThat(e.column()).isEqualTo(9);
  }

  @Test
  void comparisonsDoNotChain() {
    ExpressionException e = compileError("1 < age < 3");
    assertThat(e.kind()).isEqualTo(ErrorKind.SYNTAX);
    assertThat(e.column()).isEqualTo(9);
    assertThat(e.found()).isEqualTo("'<'");
  }

  @Test
  void lexicalErrorsPointAtTheCharacter() {
    ExpressionException hash = compileError("age # 3");
    assertThat(hash.kind()).isEqualTo(ErrorKind.LEXICAL);
    assertThat(hash.column()).isEqualTo(5);
    assertThat(hash.reason()).isEqualTo("unexpected character '#'");

    ExpressionException unterminated = compileError("city = 'Beijing");
    assertThat(unterminated.column()).isEqualTo(8);
    assertThat(unterminated.reason()).contains("not closed");

    ExpressionException ampersand = compileError("verified & verified");
    assertThat(ampersand.reason()).contains("'and'").contains("'&&'");

    ExpressionException badNumber = compileError("age > 1x");
    assertThat(badNumber.column()).isEqualTo(7);
    assertThat(badNumber.found()).isEqualTo("'1x'");

    ExpressionException escape = compileError("city = 'a\\qb'");
    assertThat(escape.column()).isEqualTo(10);
    assertThat(escape.reason()).contains("unknown escape");
  }

  @Test
  void fullWidthPunctuationFromChineseInputMethodsIsNamed() {
    ExpressionException e = compileError("city_tier in （1, 2)");
    assertThat(e.kind()).isEqualTo(ErrorKind.LEXICAL);
    assertThat(e.column()).isEqualTo(14);
    assertThat(e.reason()).contains("half-width '('");
    assertThat(e.messageZh()).contains("全角字符 '（'");
    // The caret sits under the full-width character, which a terminal shows two columns wide.
    assertThat(e.snippet()).endsWith("\n" + " ".repeat(15) + "^^");
  }

  @Test
  void unknownVariableSuggestsNearMisses() {
    ExpressionException e = compileError("on_time_repayment_ratoi >= 0.95");
    assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN_VARIABLE);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.length()).isEqualTo(23);
    assertThat(e.suggestions()).containsExactly("on_time_repayment_ratio");
    assertThat(e.reason()).endsWith("did you mean 'on_time_repayment_ratio'?");
    assertThat(e.messageZh()).contains("您是否想写 'on_time_repayment_ratio'");
  }

  @Test
  void unknownVariableMatchesCaseAndLastDottedPart() {
    assertThat(compileError("AGE > 1").suggestions()).containsExactly("age");
    assertThat(compileError("amount > 1").suggestions()).containsExactly("application.amount");
  }

  @Test
  void bareWordComparedWithTextSuggestsQuotes() {
    ExpressionException e = compileError("city = Beijing");
    assertThat(e.column()).isEqualTo(8);
    assertThat(e.suggestions()).isEmpty();
    assertThat(e.reason()).contains("put it in quotes: 'Beijing'");
  }

  @Test
  void comparingNumberWithTextIsATypeError() {
    ExpressionException e = compileError("city_tier > 'abc'");
    assertThat(e.kind()).isEqualTo(ErrorKind.TYPE_MISMATCH);
    assertThat(e.column()).isEqualTo(13);
    assertThat(e.found()).isEqualTo("'abc'");
    assertThat(e.expected()).containsExactly("number");
    assertThat(e.reason()).isEqualTo("cannot compare city_tier (number) with 'abc' (text)");
    assertThat(e.reasonZh()).isEqualTo("无法比较 city_tier（数值）与 'abc'（文本）");
  }

  @Test
  void quotedNumberGetsAFix() {
    assertThat(compileError("city_tier = '1'").reason()).endsWith("write it without quotes: 1");
    assertThat(compileError("city in (1)").reason()).endsWith("put text in quotes: '1'");
  }

  @Test
  void logicOverNumbersIsATypeError() {
    ExpressionException e = compileError("age and 3");
    assertThat(e.kind()).isEqualTo(ErrorKind.TYPE_MISMATCH);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.expected()).containsExactly("true/false");
    assertThat(e.reason()).isEqualTo("'and' needs true/false, but age is a number");
  }

  @Test
  void arithmeticOverTextIsATypeError() {
    ExpressionException e = compileError("age + city > 3");
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.reason()).isEqualTo("'+' needs a number, but city is text");
  }

  @Test
  void orderingTrueFalseValuesIsATypeError() {
    ExpressionException e = compileError("verified < true");
    assertThat(e.column()).isEqualTo(10);
    assertThat(e.expected()).containsExactly("'='", "'!='");
  }

  @Test
  void hasTagNeedsText() {
    ExpressionException e = compileError("has_tag(3)");
    assertThat(e.kind()).isEqualTo(ErrorKind.TYPE_MISMATCH);
    assertThat(e.column()).isEqualTo(9);
    assertThat(e.expected()).containsExactly("text");
    assertThat(e.reason()).startsWith("argument 1 of has_tag must be text, but 3 is a number");
  }

  @Test
  void unknownFunctionSuggestsRegisteredOnes() {
    ExpressionException e = compileError("age > 1 and roud(age) > 1");
    assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN_FUNCTION);
    assertThat(e.column()).isEqualTo(13);
    assertThat(e.found()).isEqualTo("'roud'");
    assertThat(e.suggestions()).containsExactly("round");
    assertThat(e.length()).isEqualTo(4);
  }

  @Test
  void wrongArgumentCountShowsTheSignature() {
    ExpressionException e = compileError("age > round(age, 1, 2)");
    assertThat(e.kind()).isEqualTo(ErrorKind.WRONG_ARGUMENT_COUNT);
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.length()).isEqualTo(16);
    assertThat(e.found()).isEqualTo("3 arguments");
    assertThat(e.expected()).containsExactly("round(number[, number]) → number");
    assertThat(e.reason()).startsWith("round takes 1 to 2 arguments but got 3");
    assertThat(compileError("abs() > 1").reason()).startsWith("abs takes 1 argument but got 0");
  }

  @Test
  void coalesceArgumentsMustShareAType() {
    ExpressionException e = compileError("coalesce(age, 'x') > 1");
    assertThat(e.kind()).isEqualTo(ErrorKind.TYPE_MISMATCH);
    assertThat(e.column()).isEqualTo(15);
  }

  @Test
  void swappedBetweenBoundsAreCaughtWithTheFix() {
    ExpressionException e = compileError("age between 40 and 20");
    assertThat(e.kind()).isEqualTo(ErrorKind.EMPTY_RANGE);
    assertThat(e.column()).isEqualTo(13);
    assertThat(e.length()).isEqualTo(9);
    assertThat(e.suggestions()).containsExactly("age between 20 and 40");
    assertThat(compileError("city not between 'b' and 'a'").suggestions())
        .containsExactly("city not between 'a' and 'b'");
  }

  @Test
  void endOfInputIsReportedRightAfterTheLastToken() {
    ExpressionException e = compileError("age >\n\n");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(6);
  }

  @Test
  void comparingWithNullPointsToIsNull() {
    ExpressionException e = compileError("age = null");
    assertThat(e.kind()).isEqualTo(ErrorKind.NULL_MISUSE);
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.reason()).contains("'x is null'");
    assertThat(compileError("null").kind()).isEqualTo(ErrorKind.NULL_MISUSE);
    assertThat(compileError("coalesce(null, null) > 1").kind()).isEqualTo(ErrorKind.NULL_MISUSE);
  }

  @Test
  void reportsLineAndColumnInMultiLineSource() {
    ExpressionException e = compileError("age > 18\n  and cty = 'x'");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.offset()).isEqualTo(15);
    assertThat(e.snippet()).isEqualTo("    and cty = 'x'\n        ^^^");
  }

  @Test
  void rejectsAbsurdNestingWithoutOverflowingTheStack() {
    String deep = "(".repeat(5000) + "age" + ")".repeat(5000) + " > 1";
    ExpressionException tooDeep = compileError(deep);
    assertThat(tooDeep.kind()).isEqualTo(ErrorKind.TOO_COMPLEX);
    // Reported at the first parenthesis past the limit.
    assertThat(tooDeep.column()).isEqualTo(Parser.MAX_NESTING + 1);
    String chain = "age" + " + age".repeat(5000) + " > 1";
    assertThat(compileError(chain).kind()).isEqualTo(ErrorKind.TOO_COMPLEX);
    String nots = "not ".repeat(5000) + "verified";
    assertThat(compileError(nots).kind()).isEqualTo(ErrorKind.TOO_COMPLEX);
  }

  @Test
  void conditionsMustBeTrueOrFalse() {
    assertThatThrownBy(() -> Expressions.compileCondition("age + 1", SCHEMA))
        .isInstanceOfSatisfying(
            ExpressionException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.TYPE_MISMATCH);
              assertThat(e.reason()).contains("age + 1 > 0");
            });
  }

  @Test
  void nullSourceIsAnExpressionException() {
    assertThatThrownBy(() -> Expressions.compile(null, SCHEMA))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("missing");
  }
}
