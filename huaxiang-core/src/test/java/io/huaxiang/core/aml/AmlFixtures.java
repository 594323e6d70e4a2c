package io.huaxiang.core.aml;

import io.huaxiang.core.lending.Money;
import java.time.Instant;
import java.time.LocalDateTime;

/** Transactions written in Beijing time, as a compliance officer would read them. */
final class AmlFixtures {

  private static int next = 0;

  private AmlFixtures() {}

  static Instant beijing(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(AmlThresholds.SHANGHAI).toInstant();
  }

  static AmlTransaction cashIn(String customer, String beijingTime, String amount) {
    return tx(
        customer, CustomerType.INDIVIDUAL, beijingTime, amount, TransactionKind.CASH, Direction.IN);
  }

  static AmlTransaction tx(
      String customer,
      CustomerType type,
      String beijingTime,
      String amount,
      TransactionKind kind,
      Direction direction) {
    return new AmlTransaction(
        "t" + (next++), customer, type, beijing(beijingTime), Money.of(amount), kind, direction);
  }
}
