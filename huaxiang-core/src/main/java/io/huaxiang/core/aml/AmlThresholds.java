package io.huaxiang.core.aml;

import io.huaxiang.core.lending.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The screens to run and the time zone whose midnight ends a "day".
 *
 * @param largeValue large-value reporting rules
 * @param structuring structuring screens
 * @param zone the zone of the natural day; Asia/Shanghai for PBoC reporting
 * @param retainedDays how many past days of totals a {@link CustomerAmlState} keeps for late
 *     transactions
 */
public record AmlThresholds(
    List<LargeValueRule> largeValue,
    List<StructuringRule> structuring,
    ZoneId zone,
    int retainedDays) {

  /** Beijing time: the natural day of PBoC reporting. */
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  public AmlThresholds {
    largeValue = List.copyOf(largeValue);
    structuring = List.copyOf(structuring);
    Objects.requireNonNull(zone, "zone");
    if (retainedDays < 0) {
      throw new IllegalArgumentException("retainedDays must be >= 0, got " + retainedDays);
    }
  }

  /**
   * The CNY thresholds of PBoC Order [2016] No. 3, Article 5: cash 50,000; entity transfers
   * 2,000,000; individual domestic transfers 500,000; individual cross-border transfers 200,000;
   * each single or cumulative per natural day. Structuring screens watch each line for 3 or more
   * amounts within 10 % under it in 7 days (a Huaxiang heuristic, not a number from the order).
   */
  public static AmlThresholds pboc2016() {
    LargeValueRule cash =
        new LargeValueRule(
            AmlRuleCode.LARGE_CASH,
            Set.of(TransactionKind.CASH),
            Set.of(CustomerType.INDIVIDUAL, CustomerType.ENTITY),
            Money.of(50_000));
    LargeValueRule entity =
        new LargeValueRule(
            AmlRuleCode.LARGE_ENTITY_TRANSFER,
            Set.of(TransactionKind.DOMESTIC_TRANSFER, TransactionKind.CROSS_BORDER_TRANSFER),
            Set.of(CustomerType.ENTITY),
            Money.of(2_000_000));
    LargeValueRule domestic =
        new LargeValueRule(
            AmlRuleCode.LARGE_INDIVIDUAL_DOMESTIC_TRANSFER,
            Set.of(TransactionKind.DOMESTIC_TRANSFER),
            Set.of(CustomerType.INDIVIDUAL),
            Money.of(500_000));
    LargeValueRule crossBorder =
        new LargeValueRule(
            AmlRuleCode.LARGE_INDIVIDUAL_CROSS_BORDER_TRANSFER,
            Set.of(TransactionKind.CROSS_BORDER_TRANSFER),
            Set.of(CustomerType.INDIVIDUAL),
            Money.of(200_000));
    List<LargeValueRule> rules = List.of(cash, entity, domestic, crossBorder);
    List<StructuringRule> structuring =
        rules.stream()
            .map(r -> new StructuringRule(r, new BigDecimal("0.9"), 3, Duration.ofDays(7)))
            .toList();
    return new AmlThresholds(rules, structuring, SHANGHAI, 1);
  }
}
