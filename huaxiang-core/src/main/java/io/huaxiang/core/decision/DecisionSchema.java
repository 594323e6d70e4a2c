package io.huaxiang.core.decision;

import io.huaxiang.core.expr.Schema;
import io.huaxiang.core.expr.ValueType;
import java.util.List;
import java.util.Set;

/**
 * The variables strategy rules may read: every portrait feature, the application's fields ({@code
 * application.amount}), velocity counts ({@code velocity.device_24h}), list hits ({@code
 * list.black}), existing commitments ({@code line.committed}) and, from the score stage on, the
 * model's outputs ({@code model.score}, {@code model.pd}, {@code score.band}).
 */
public final class DecisionSchema {
  /** Variables only known once the score stage has run. */
  public static final Set<String> AFTER_SCORE =
      Set.of("model.score", "model.pd", "score.band", "score.segment");

  public static final List<String> APPLICATION_NUMBERS =
      List.of(
          "application.amount",
          "application.term_months",
          "application.monthly_income",
          "application.age",
          "application.hour",
          "application.weekday");
  public static final List<String> APPLICATION_TEXTS =
      List.of(
          "application.purpose",
          "application.city",
          "application.channel",
          "application.id_region",
          "application.product");

  private DecisionSchema() {}

  /** The decision schema over {@code portrait}'s variables. */
  public static Schema over(Schema portrait) {
    Schema.Builder b = portrait.toBuilder();
    APPLICATION_NUMBERS.forEach(b::number);
    APPLICATION_TEXTS.forEach(b::text);
    Velocity.variables().forEach(b::number);
    for (ListKind k : ListKind.values()) {
      b.add(k.variable(), ValueType.BOOLEAN);
    }
    b.number("line.committed");
    b.number("model.score").number("model.pd").text("score.band").text("score.segment");
    return b.build();
  }
}
