package io.huaxiang.bench.expr;

import io.huaxiang.core.expr.ArrayBindings;
import io.huaxiang.core.expr.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded, strategy-like rule sets and applicants for the expression benchmarks: 60 number features
 * (10 % missing), a city, a verified flag and tags, and rules in the shapes risk teams write
 * (thresholds, ranges, lists, ratios, tags, coalesce).
 */
final class RuleSets {

  static final int FEATURES = 60;
  private static final List<String> CITIES = List.of("北京", "上海", "杭州", "成都", "武汉");
  private static final List<String> TAGS = List.of("night_owl", "new_device", "vip", "gambler");

  private RuleSets() {}

  static Schema schema() {
    Schema.Builder builder = Schema.builder();
    for (int i = 0; i < FEATURES; i++) {
      builder.number("f" + i);
    }
    return builder
        .number("application.amount")
        .number("income.monthly")
        .number("model.score")
        .text("city")
        .bool("verified")
        .build();
  }

  static List<String> rules(int count, long seed) {
    Random random = new Random(seed);
    List<String> rules = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rules.add(rule(random));
    }
    return rules;
  }

  private static String rule(Random r) {
    String f = "f" + r.nextInt(FEATURES);
    String g = "f" + r.nextInt(FEATURES);
    int c = r.nextInt(100);
    return switch (r.nextInt(10)) {
      case 0, 1 -> f + " >= " + c;
      case 2 -> f + " between " + c + " and " + (c + 20);
      case 3 -> f + " in (" + c + ", " + (c + 1) + ", " + (c + 2) + ")";
      case 4 -> f + " > " + c + " and " + g + " < " + (100 - c);
      case 5 -> "application.amount > " + (r.nextInt(9) + 1) / 10.0 + " * income.monthly";
      case 6 -> "model.score < " + (500 + c) + " or has_tag('" + TAGS.get(r.nextInt(4)) + "')";
      case 7 -> "coalesce(" + f + ", 0) = 0 and city in ('北京', '上海')";
      case 8 -> "max(" + f + ", " + g + ") <= " + c + " and verified";
      default -> "not (" + f + " is null) and " + f + " / (" + g + " + 1) > 0." + r.nextInt(10);
    };
  }

  /**
   * Applicants (rows of features, as a decision engine fills them) with uniform features in [0,
   * 100); each value is missing with probability 0.1.
   */
  static ArrayBindings[] applicants(Schema schema, int count, long seed) {
    Random random = new Random(seed);
    ArrayBindings[] out = new ArrayBindings[count];
    for (int i = 0; i < count; i++) {
      ArrayBindings row = new ArrayBindings(schema);
      for (int f = 0; f < FEATURES; f++) {
        if (random.nextDouble() >= 0.1) {
          row.set("f" + f, random.nextInt(100));
        }
      }
      row.set("application.amount", 1000 + random.nextInt(20000));
      row.set("income.monthly", 3000 + random.nextInt(30000));
      if (random.nextDouble() >= 0.1) {
        row.set("model.score", 300 + random.nextInt(550));
      }
      row.set("city", CITIES.get(random.nextInt(CITIES.size())));
      row.set("verified", random.nextBoolean());
      Set<String> tags = new HashSet<>();
      for (String tag : TAGS) {
        if (random.nextDouble() < 0.2) {
          tags.add(tag);
        }
      }
      out[i] = row.setTags(tags);
    }
    return out;
  }
}
