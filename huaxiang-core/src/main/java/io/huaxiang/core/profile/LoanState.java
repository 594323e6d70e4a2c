package io.huaxiang.core.profile;

import io.huaxiang.core.event.LoanDisbursed;
import java.time.LocalDate;
import java.util.TreeMap;

/**
 * What a profile knows about one loan: its terms once disbursed, and each instalment's amount due
 * and payments, keyed by due date. Repayments may arrive before the disbursement (late or
 * out-of-order events), so terms are optional until known.
 */
final class LoanState {
  /** The disbursement, once known; the latest by event time if a source sent two. */
  LoanDisbursed disbursement;

  long principalFen = -1;
  TreeMap<LocalDate, Instalment> instalments = new TreeMap<>();

  boolean disbursed() {
    return principalFen >= 0;
  }

  Instalment instalment(LocalDate dueDate) {
    return instalments.computeIfAbsent(dueDate, d -> new Instalment());
  }

  long repaidFen() {
    long sum = 0;
    for (Instalment i : instalments.values()) {
      sum += i.paidFen();
    }
    return sum;
  }

  /** Principal not yet repaid; repayments are counted against principal first (see docs). */
  long outstandingFen() {
    return disbursed() ? Math.max(0, principalFen - repaidFen()) : 0;
  }

  /** Days past due on {@code day}: the oldest instalment due before it and not fully paid. */
  int daysPastDue(LocalDate day) {
    for (var e : instalments.entrySet()) {
      LocalDate due = e.getKey();
      if (!due.isBefore(day)) {
        break;
      }
      LocalDate settled = e.getValue().settledOn();
      if (settled == null || settled.isAfter(day)) {
        return (int) (day.toEpochDay() - due.toEpochDay());
      }
    }
    return 0;
  }

  boolean open(LocalDate day) {
    if (!disbursed()) {
      return false;
    }
    if (outstandingFen() > 0) {
      return true;
    }
    return daysPastDue(day) > 0;
  }
}
