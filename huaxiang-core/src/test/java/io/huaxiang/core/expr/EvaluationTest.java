package io.huaxiang.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluationTest {

  private static final Schema SCHEMA =
      Schema.builder()
          .number("age")
          .number("city_tier")
          .number("max_dpd_90d")
          .number("on_time_repayment_ratio")
          .number("repayments_lifetime")
          .number("application.amount")
          .number("income.monthly")
          .number("model.score")
          .text("city")
          .bool("verified")
          .build();

  /** A 27-year-old tier-1 borrower with a clean record; the score is missing. */
  private static final Map<String, Object> APPLICANT =
      Map.of(
          "age", 27,
          "city_tier", 1,
          "max_dpd_90d", 0,
          "on_time_repayment_ratio", 0.97,
          "repayments_lifetime", 5,
          "application", Map.of("amount", 6000.0),
          "income.monthly", 10000,
          "city", "杭州",
          "verified", true);

  private static Object eval(String source) {
    return eval(source, APPLICANT);
  }

  private static Object eval(String source, Map<String, ?> values) {
    return Expressions.compile(source, SCHEMA)
        .evaluate(MapBindings.of(SCHEMA, values, Set.of("night_owl")));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '`',
      nullValues = "UNKNOWN",
      value = {
        "on_time_repayment_ratio >= 0.95 and repayments_lifetime >= 3 => true",
        "age between 20 and 40 and city_tier in (1, 2) and max_dpd_90d = 0"
            + " and has_tag('night_owl') => true",
        "age not between 20 and 40 => false",
        "age between 27 and 27 => true",
        "city_tier not in (1, 2) => false",
        "city in ('杭州', '上海') => true",
        "city = \"杭州\" => true",
        "city < '北京' => false",
        "city between 'a' and 'z' => false",
        "verified = true => true",
        "verified != true => false",
        "verified in (false) => false",
        "has_tag('vip') => false",
        "not has_tag('vip') => true",
        "!verified || age > 26 && age < 28 => true",
        "application.amount > 0.5 * income.monthly => true",
        "application.amount / income.monthly = 0.6 => true",
        "age <> 27 => false",
        "age == 27 => true",
        "27 <= age => true",
        "30 > age => true",
        "model.score < 580 => UNKNOWN",
        "model.score is null => true",
        "model.score is not null => false",
        "model.score < 580 or max_dpd_90d > 30 => UNKNOWN",
        "model.score < 580 or max_dpd_90d = 0 => true",
        "model.score < 580 and max_dpd_90d > 30 => false",
        "not (model.score < 580) => UNKNOWN",
        "model.score not between 1 and 2 => UNKNOWN",
        "model.score in (1, 2) => UNKNOWN",
        "age in (1, model.score) => UNKNOWN",
        "age in (27, model.score) => true",
        "city not in ('上海', city) => false",
        "coalesce(model.score, 600) >= 600 => true",
        "(model.score < 580) is null => true",
        "null and false => false",
        "null or true => true",
        "has_tag(city) => false",
      })
  void evaluatesConditions(String source, Boolean expected) {
    assertThat(eval(source)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '`',
      nullValues = "MISSING",
      value = {
        "1 + 2 * 3 => 7",
        "(1 + 2) * 3 => 9",
        "-age => -27",
        "-(-(age)) => 27",
        "10 - 4 - 3 => 3",
        "8 / 4 / 2 => 1",
        "age / 0 => MISSING",
        "model.score + 1 => MISSING",
        "abs(-3.5) => 3.5",
        "min(5, age, 30) => 5",
        "max(5, age, 30) => 30",
        "max(model.score, 3) => 3",
        "min(model.score) => MISSING",
        "coalesce(model.score, age, 1) => 27",
        "coalesce(model.score, null) => MISSING",
        "round(2.675, 2) => 2.68",
        "round(-2.5) => -3",
        "round(1234.5, -2) => 1200",
        "round(2.5, model.score) => MISSING",
        "ln(1) => 0",
        "ln(0) => MISSING",
        "ln(-1) => MISSING",
        "null + 1 => MISSING",
      })
  void evaluatesNumbers(String source, Double expected) {
    assertThat(eval(source)).isEqualTo(expected);
  }

  @Test
  void evaluatesText() {
    CompiledExpression city = Expressions.compile("coalesce(city, '未知')", SCHEMA);
    assertThat(city.type()).isEqualTo(ValueType.TEXT);
    assertThat(city.evaluateText(MapBindings.of(SCHEMA, Map.of("city", "成都")))).isEqualTo("成都");
    assertThat(city.evaluateText(MapBindings.of(SCHEMA, Map.of()))).isEqualTo("未知");
  }

  @Test
  void unknownIsNotTrueButNotOfUnknownIsNotTrueEither() {
    // The SQL choice: with the score missing neither a rule nor its negation fires.
    Map<String, Object> noScore = Map.of("age", 30);
    CompiledExpression low = Expressions.compile("model.score < 580", SCHEMA);
    CompiledExpression notLow = Expressions.compile("not (model.score < 580)", SCHEMA);
    CompiledExpression atLeast = Expressions.compile("model.score >= 580", SCHEMA);
    Bindings b = MapBindings.of(SCHEMA, noScore);
    assertThat(low.test(b)).isFalse();
    assertThat(notLow.test(b)).isFalse();
    assertThat(atLeast.test(b)).isFalse();
    assertThat(low.truth(b)).isNull();
    assertThat(Expressions.compile("model.score < 580 or model.score is null", SCHEMA).test(b))
        .isTrue();
  }

  @Test
  void notEqualAgreesWithNotEquals() {
    Bindings noCity = MapBindings.of(SCHEMA, Map.of());
    assertThat(Expressions.compile("city != '上海'", SCHEMA).truth(noCity)).isNull();
    assertThat(Expressions.compile("not city = '上海'", SCHEMA).truth(noCity)).isNull();
  }

  @Test
  void missingBooleanIsUnknown() {
    CompiledExpression verified = Expressions.compile("verified", SCHEMA);
    assertThat(verified.truth(MapBindings.of(SCHEMA, Map.of()))).isNull();
    assertThat(
            Expressions.compile("verified is null", SCHEMA).test(MapBindings.of(SCHEMA, Map.of())))
        .isTrue();
  }

  @Test
  void constantOnTheLeftGivesTheSameAnswerAsOnTheRight() {
    for (String op : List.of("=", "!=", "<", "<=", ">", ">=")) {
      CompiledExpression left = Expressions.compile("30 " + op + " age", SCHEMA);
      CompiledExpression general = Expressions.compile("30 " + op + " age + 0", SCHEMA);
      for (Object age : new Object[] {29, 30, 31, null}) {
        Map<String, Object> values = new HashMap<>();
        values.put("age", age);
        Bindings b = MapBindings.of(SCHEMA, values);
        assertThat(left.truth(b)).as("30 %s %s", op, age).isEqualTo(general.truth(b));
      }
    }
  }

  @Test
  void longInListsMatchLikeShortOnes() {
    String items =
        IntStream.range(0, 40)
            .mapToObj(i -> String.valueOf(i * 3))
            .collect(Collectors.joining(", "));
    CompiledExpression in = Expressions.compile("age in (" + items + ")", SCHEMA);
    assertThat(in.test(MapBindings.of(SCHEMA, Map.of("age", 27)))).isTrue();
    assertThat(in.test(MapBindings.of(SCHEMA, Map.of("age", 28)))).isFalse();
    assertThat(in.test(MapBindings.of(SCHEMA, Map.of("age", -0.0)))).isTrue();
  }

  @Test
  void foldsConstantSubExpressions() {
    CompiledExpression folded =
        Expressions.compile("age > 10 * 3 + round(2.675, 2) - 2.68", SCHEMA);
    assertThat(folded.test(MapBindings.of(SCHEMA, Map.of("age", 30.5)))).isTrue();
    assertThat(folded.test(MapBindings.of(SCHEMA, Map.of("age", 30)))).isFalse();
    assertThat(
            Expressions.compile("1 / 0 is null", Schema.empty())
                .test(MapBindings.of(Schema.empty(), Map.of())))
        .isTrue();
  }

  @Test
  void reportsVariablesAndTagsForLineage() {
    CompiledExpression e =
        Expressions.compile(
            "model.score < 580 and (age > 60 or model.score < 500) and has_tag('night_owl')",
            SCHEMA);
    assertThat(e.variables()).containsExactly("model.score", "age");
    assertThat(e.tags()).containsExactly("night_owl");
    assertThat(e.source()).startsWith("model.score < 580");
    assertThat(e.ast()).isEqualTo(Expressions.parse(e.source()));
  }

  @Test
  void typedEvaluationOfTheWrongTypeSaysWhichMethodToUse() {
    CompiledExpression number = Expressions.compile("age + 1", SCHEMA);
    assertThat(number.evaluateNumber(MapBindings.of(SCHEMA, Map.of("age", 1)))).isEqualTo(2.0);
    assertThat(number.evaluateNumber(MapBindings.of(SCHEMA, Map.of()))).isNaN();
    assertThatThrownBy(() -> number.test(MapBindings.of(SCHEMA, Map.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("evaluateNumber()");
  }

  @Test
  void customNumberFunctionsAreCheckedAndCalled() {
    FunctionRegistry functions =
        FunctionRegistry.builder()
            .number("log10", "base-10 logarithm", "常用对数", Math::log10)
            .number("pow", "power", "幂", Math::pow)
            .build();
    CompiledExpression e = Expressions.compile("log10(pow(age, 2)) > 2.8", SCHEMA, functions);
    assertThat(e.test(MapBindings.of(SCHEMA, Map.of("age", 27)))).isTrue();
    assertThat(functions.find("POW").orElseThrow().signature())
        .isEqualTo("pow(number, number) → number");
    assertThatThrownBy(() -> FunctionRegistry.builder().number("abs", "", "", Math::abs))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Expressions.compile("pow(age, 2) > 1", SCHEMA))
        .isInstanceOf(ExpressionException.class);
  }

  @Test
  void builtInsDescribeThemselves() {
    assertThat(FunctionRegistry.builtIns().all().stream().map(FunctionSpec::signature))
        .containsExactly(
            "has_tag(text) → true/false",
            "abs(number) → number",
            "min(number, …) → number",
            "max(number, …) → number",
            "coalesce(any, …) → same as arguments",
            "round(number[, number]) → number",
            "ln(number) → number");
  }
}
