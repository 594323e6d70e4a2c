package io.huaxiang.core.aml;

import io.huaxiang.core.lending.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A pattern worth a compliance review, such as structuring; not a report by itself, but the start
 * of the institution's suspicious-transaction analysis.
 *
 * @param windowStart time of the first transaction in the pattern
 * @param windowEnd time of the last
 * @param total the sum of the transactions in the pattern
 * @param threshold the reporting threshold being avoided
 */
public record SuspiciousActivityCase(
    AmlRuleCode rule,
    String customerId,
    Direction direction,
    AmlRuleCode avoidedRule,
    Instant windowStart,
    Instant windowEnd,
    List<String> transactionIds,
    Money total,
    Money threshold)
    implements AmlFinding {

  public SuspiciousActivityCase {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(avoidedRule, "avoidedRule");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    transactionIds = List.copyOf(transactionIds);
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(threshold, "threshold");
  }

  @Override
  public String reason() {
    int n = transactionIds.size();
    return rule.zh()
        + "：自 "
        + windowStart
        + " 至 "
        + windowEnd
        + " 共 "
        + n
        + " 笔"
        + direction.zh()
        + "，每笔略低于 "
        + threshold
        + " 元，合计 "
        + total
        + " 元。 / "
        + rule.en()
        + ": "
        + n
        + " transactions ("
        + direction.en()
        + ")"
        + " from "
        + windowStart
        + " to "
        + windowEnd
        + ", each just under CNY "
        + threshold
        + ", CNY "
        + total
        + " in all.";
  }
}
