package io.huaxiang.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaAndBindingsTest {

  @Test
  void assignsSlotsInDeclarationOrder() {
    Schema schema = Schema.builder().number("age").text("city").bool("verified").build();
    assertThat(schema.slot("age")).isZero();
    assertThat(schema.slot("city")).isEqualTo(1);
    assertThat(schema.slot("verified")).isEqualTo(2);
    assertThat(schema.slot("income")).isEqualTo(-1);
    assertThat(schema.variable(1).type()).isEqualTo(ValueType.TEXT);
  }

  @Test
  void schemaFromMapEqualsTheBuiltOne() {
    Map<String, ValueType> types = new LinkedHashMap<>();
    types.put("age", ValueType.NUMBER);
    types.put("city", ValueType.TEXT);
    assertThat(Schema.of(types)).isEqualTo(Schema.builder().number("age").text("city").build());
  }

  @Test
  void rejectsNamesThatCannotBeWrittenInAnExpression() {
    assertThatThrownBy(() -> Schema.builder().number("1st_loan"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'1st_loan' is not an identifier");
    assertThatThrownBy(() -> Schema.builder().number("in"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Schema.builder().number("a..b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Schema.builder().number("a b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Schema.builder().number("age").text("age"))
        .hasMessageContaining("declared twice");
    assertThat(Schema.builder().number("年龄").number("model.v2_score").build().size()).isEqualTo(2);
  }

  @Test
  void mapBindingsResolveFlatAndNestedKeys() {
    Schema schema =
        Schema.builder().number("application.amount").text("city").bool("verified").build();
    MapBindings flat = MapBindings.of(schema, Map.of("application.amount", 5000));
    MapBindings nested =
        MapBindings.of(schema, Map.of("application", Map.of("amount", 5000L), "verified", false));
    assertThat(flat.number(0)).isEqualTo(5000.0);
    assertThat(nested.number(0)).isEqualTo(5000.0);
    assertThat(flat.isMissing(2)).isTrue();
    assertThat(nested.isMissing(2)).isFalse();
    assertThat(flat.text(1)).isNull();
    assertThat(flat.isMissing(1)).isTrue();
  }

  @Test
  void mapBindingsTreatNaNAsMissingAndRejectWrongTypes() {
    Schema schema = Schema.builder().number("age").build();
    assertThat(MapBindings.of(schema, Map.of("age", Double.NaN)).isMissing(0)).isTrue();
    assertThatThrownBy(() -> MapBindings.of(schema, Map.of("age", "27")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value for 'age' must be number but was String 27");
  }

  @Test
  void mapBindingsCarryTags() {
    MapBindings b = MapBindings.of(Schema.empty(), Map.of(), Set.of("night_owl"));
    assertThat(b.hasTag("night_owl")).isTrue();
    assertThat(b.hasTag("vip")).isFalse();
  }

  @Test
  void arrayBindingsAreReusedAcrossSubjects() {
    Schema schema = Schema.builder().number("age").text("city").bool("verified").build();
    CompiledExpression rule =
        Expressions.compileCondition(
            "age >= 18 and city = '杭州' and verified and has_tag('vip')", schema);
    ArrayBindings row = new ArrayBindings(schema);
    // Everything is missing, but a fresh row has no tags, so has_tag decides: false, not unknown.
    assertThat(rule.truth(row)).isFalse();
    row.setNumber(0, 30).setText(1, "杭州").setBool(2, true).setTags(Set.of("vip"));
    assertThat(rule.test(row)).isTrue();
    row.clear().set("age", 30).set("city", "杭州").set("verified", true).set("unrelated", "x");
    assertThat(rule.test(row)).isFalse();
    assertThat(row.isMissing(0)).isFalse();
    row.setMissing(0);
    assertThat(row.isMissing(0)).isTrue();
    assertThat(row.number(0)).isNaN();
    row.setNumber(0, Double.NaN);
    assertThat(row.isMissing(0)).isTrue();
    assertThatThrownBy(() -> row.set("verified", "yes"))
        .hasMessage("value for 'verified' must be true/false but was String yes");
  }
}
