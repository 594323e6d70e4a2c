package io.huaxiang.core.profile;

import io.huaxiang.core.event.RepaymentDue;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One instalment of a loan: the amount due (unknown until a {@code repayment_due} event says it)
 * and the payments made towards it by paid date.
 */
final class Instalment {
  /** Amount due in fen, or -1 while no repayment_due event has told us. */
  long dueFen = -1;

  /** The repayment_due event behind {@link #dueFen}: the latest by event time wins. */
  RepaymentDue due;

  TreeMap<LocalDate, Long> payments = new TreeMap<>();

  void pay(LocalDate paidDate, long fen) {
    payments.merge(paidDate, fen, Long::sum);
  }

  long paidFen() {
    long sum = 0;
    for (long v : payments.values()) {
      sum += v;
    }
    return sum;
  }

  /**
   * The day the instalment was fully paid, or null. With the amount due unknown, any payment
   * settles it: the payer paid what the lender asked for.
   */
  LocalDate settledOn() {
    if (payments.isEmpty()) {
      return null;
    }
    if (dueFen < 0) {
      return payments.firstKey();
    }
    long sum = 0;
    for (Map.Entry<LocalDate, Long> p : payments.entrySet()) {
      sum += p.getValue();
      if (sum >= dueFen) {
        return p.getKey();
      }
    }
    return null;
  }
}
