package io.huaxiang.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Strategy-style rules over the 30,000 real card holders of the UCI Taiwan default data set ({@code
 * /work/shared/data/taiwan_default}, or the folder named by {@code HUAXIANG_DATA}).
 */
class TaiwanDefaultRulesTest {

  private static final Schema SCHEMA =
      Schema.builder()
          .number("limit_bal")
          .number("age")
          .number("pay_sep")
          .number("pay_aug")
          .number("pay_jul")
          .number("bill_sep")
          .number("paid_sep")
          .number("education")
          .build();

  private static List<Map<String, Object>> holders;

  @BeforeAll
  static void load() throws IOException {
    Path csv =
        Path.of(System.getenv().getOrDefault("HUAXIANG_DATA", "/work/shared/data"))
            .resolve("taiwan_default/UCI_Credit_Card.csv");
    assumeTrue(Files.exists(csv), "real data set not available: " + csv);
    try (var lines = Files.lines(csv)) {
      holders = lines.skip(1).map(TaiwanDefaultRulesTest::holder).toList();
    }
  }

  private static Map<String, Object> holder(String line) {
    String[] f = line.split(",");
    Map<String, Object> m = new HashMap<>();
    m.put("limit_bal", Double.parseDouble(f[1]));
    m.put("education", Double.parseDouble(f[3]));
    m.put("age", Double.parseDouble(f[5]));
    m.put("pay_sep", Double.parseDouble(f[6]));
    m.put("pay_aug", Double.parseDouble(f[7]));
    m.put("pay_jul", Double.parseDouble(f[8]));
    m.put("bill_sep", Double.parseDouble(f[12]));
    m.put("paid_sep", Double.parseDouble(f[18]));
    m.put("defaulted", f[24].equals("1"));
    return m;
  }

  private static double d(Map<String, Object> h, String key) {
    return (Double) h.get(key);
  }

  private static long count(String rule) {
    CompiledExpression compiled = Expressions.compileCondition(rule, SCHEMA);
    return holders.stream().filter(h -> compiled.test(MapBindings.of(SCHEMA, h))).count();
  }

  private static long count(Predicate<Map<String, Object>> rule) {
    return holders.stream().filter(rule).count();
  }

  @Test
  void segmentRuleSelectsTheSameHoldersAsHandWrittenJava() {
    long viaExpression =
        count(
            "age between 25 and 40 and limit_bal >= 50000 and max(pay_sep, pay_aug, pay_jul) <= 0"
                + " and education in (1, 2)");
    long viaJava =
        count(
            h ->
                d(h, "age") >= 25
                    && d(h, "age") <= 40
                    && d(h, "limit_bal") >= 50000
                    && Math.max(d(h, "pay_sep"), Math.max(d(h, "pay_aug"), d(h, "pay_jul"))) <= 0
                    && (d(h, "education") == 1 || d(h, "education") == 2));
    assertThat(viaExpression).isEqualTo(viaJava).isBetween(1L, 29_999L);
  }

  @Test
  void arithmeticRuleSelectsTheSameHoldersAsHandWrittenJava() {
    long viaExpression = count("bill_sep > 0.9 * limit_bal and paid_sep / bill_sep < 0.05");
    long viaJava =
        count(
            h ->
                d(h, "bill_sep") > 0.9 * d(h, "limit_bal")
                    && d(h, "bill_sep") != 0
                    && d(h, "paid_sep") / d(h, "bill_sep") < 0.05);
    assertThat(viaExpression).isEqualTo(viaJava).isPositive();
  }

  @Test
  void lateInSeptemberRuleFlagsHoldersWhoDefaultFarMoreOften() {
    CompiledExpression late = Expressions.compileCondition("pay_sep >= 2", SCHEMA);
    long flagged = 0;
    long flaggedDefaults = 0;
    long defaults = 0;
    for (Map<String, Object> h : holders) {
      boolean defaulted = (Boolean) h.get("defaulted");
      defaults += defaulted ? 1 : 0;
      if (late.test(MapBindings.of(SCHEMA, h))) {
        flagged++;
        flaggedDefaults += defaulted ? 1 : 0;
      }
    }
    double flaggedRate = (double) flaggedDefaults / flagged;
    double overallRate = (double) defaults / holders.size();
    assertThat(flaggedRate).isGreaterThan(2 * overallRate);
  }
}
