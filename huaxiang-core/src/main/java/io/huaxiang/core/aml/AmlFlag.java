package io.huaxiang.core.aml;

import io.huaxiang.core.lending.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A large-value transaction report: the customer's total for one rule, day and direction reached
 * the threshold.
 *
 * <p>The first flag of a day lists every transaction that made up the total; each later transaction
 * that day in the same rule and direction gets its own flag with {@code continuation} set, so every
 * transaction in a reportable total is reported exactly once.
 *
 * @param day the natural day (in the configured zone) of the total
 * @param dayTotal the day's total including the transactions reported here
 * @param raisedAt the time of the transaction that raised this flag
 */
public record AmlFlag(
    AmlRuleCode rule,
    String customerId,
    LocalDate day,
    Direction direction,
    Money dayTotal,
    Money threshold,
    List<String> transactionIds,
    boolean continuation,
    Instant raisedAt)
    implements AmlFinding {

  public AmlFlag {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(dayTotal, "dayTotal");
    Objects.requireNonNull(threshold, "threshold");
    transactionIds = List.copyOf(transactionIds);
    Objects.requireNonNull(raisedAt, "raisedAt");
  }

  @Override
  public String reason() {
    return rule.zh()
        + "。"
        + day
        + " "
        + direction.zh()
        + "累计 "
        + dayTotal
        + " 元，达到 "
        + threshold
        + " 元。 / "
        + rule.en()
        + ". On "
        + day
        + " the customer's "
        + direction.en()
        + " total is CNY "
        + dayTotal
        + ", at or above CNY "
        + threshold
        + ".";
  }
}
