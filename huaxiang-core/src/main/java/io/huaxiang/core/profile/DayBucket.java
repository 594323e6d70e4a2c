package io.huaxiang.core.profile;

import java.util.TreeMap;

/**
 * Everything a profile keeps about one calendar day, so that windowed features can be summed over
 * days in any order and late events land in the right day.
 */
final class DayBucket {
  long epochDay;
  int activity;
  int[] hours = new int[24];
  int applications;
  long applicationFen;
  int approvals;
  int declines;
  int repayments;
  int onTimeRepayments;
  int maxRepaymentDpd;
  int transactions;
  long transactionFen;
  int onlineTransactions;
  long onlineTransactionFen;
  TreeMap<String, CategorySpend> categories = new TreeMap<>();
  LongSet devices = new LongSet();
  LongSet ips = new LongSet();
  LongSet cities = new LongSet();

  DayBucket() {}

  DayBucket(long epochDay) {
    this.epochDay = epochDay;
  }

  DayBucket copy() {
    DayBucket c = new DayBucket(epochDay);
    c.activity = activity;
    c.hours = hours.clone();
    c.applications = applications;
    c.applicationFen = applicationFen;
    c.approvals = approvals;
    c.declines = declines;
    c.repayments = repayments;
    c.onTimeRepayments = onTimeRepayments;
    c.maxRepaymentDpd = maxRepaymentDpd;
    c.transactions = transactions;
    c.transactionFen = transactionFen;
    c.onlineTransactions = onlineTransactions;
    c.onlineTransactionFen = onlineTransactionFen;
    categories.forEach((k, v) -> c.categories.put(k, v.copy()));
    c.devices = devices.copy();
    c.ips = ips.copy();
    c.cities = cities.copy();
    return c;
  }
}
