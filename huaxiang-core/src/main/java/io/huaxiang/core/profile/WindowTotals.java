package io.huaxiang.core.profile;

import java.util.TreeMap;

/** The sum of a profile's day buckets over one sliding window, computed at read time. */
final class WindowTotals {
  int activity;
  int activeDays;
  int nightActivity;
  int weekendActivity;
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
  final int[] heatmap = new int[7 * 24];
  final TreeMap<String, CategorySpend> categories = new TreeMap<>();
  final LongSet devices = new LongSet();
  final LongSet ips = new LongSet();
  final LongSet cities = new LongSet();

  void add(DayBucket d) {
    activity += d.activity;
    activeDays += d.activity > 0 ? 1 : 0;
    int weekday = (int) Math.floorMod(d.epochDay + 3, 7);
    for (int h = 0; h < 24; h++) {
      heatmap[weekday * 24 + h] += d.hours[h];
      if (h < 6) {
        nightActivity += d.hours[h];
      }
    }
    weekendActivity += weekday >= 5 ? d.activity : 0;
    applications += d.applications;
    applicationFen += d.applicationFen;
    approvals += d.approvals;
    declines += d.declines;
    repayments += d.repayments;
    onTimeRepayments += d.onTimeRepayments;
    maxRepaymentDpd = Math.max(maxRepaymentDpd, d.maxRepaymentDpd);
    transactions += d.transactions;
    transactionFen += d.transactionFen;
    onlineTransactions += d.onlineTransactions;
    onlineTransactionFen += d.onlineTransactionFen;
    d.categories.forEach(
        (k, v) -> categories.computeIfAbsent(k, x -> new CategorySpend()).addAll(v));
    d.devices.addAllTo(devices);
    d.ips.addAllTo(ips);
    d.cities.addAllTo(cities);
  }
}
