package io.huaxiang.core.profile;

/**
 * Counts and sums of one user's activity over a span: a day bucket, a sliding window or the whole
 * lifetime. One class for all three so a new counter is added in one place. Amounts are in fen so
 * sums are exact in any order.
 */
final class Tally {
  int activity;
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

  void active() {
    activity++;
  }

  void applied(long amountFen) {
    applications++;
    applicationFen += amountFen;
  }

  void approved() {
    approvals++;
  }

  void declined() {
    declines++;
  }

  void repaid(int daysPastDue) {
    repayments++;
    onTimeRepayments += daysPastDue == 0 ? 1 : 0;
    maxRepaymentDpd = Math.max(maxRepaymentDpd, daysPastDue);
  }

  void transacted(long amountFen, boolean online) {
    transactions++;
    transactionFen += amountFen;
    if (online) {
      onlineTransactions++;
      onlineTransactionFen += amountFen;
    }
  }

  void add(Tally o) {
    activity += o.activity;
    applications += o.applications;
    applicationFen += o.applicationFen;
    approvals += o.approvals;
    declines += o.declines;
    repayments += o.repayments;
    onTimeRepayments += o.onTimeRepayments;
    maxRepaymentDpd = Math.max(maxRepaymentDpd, o.maxRepaymentDpd);
    transactions += o.transactions;
    transactionFen += o.transactionFen;
    onlineTransactions += o.onlineTransactions;
    onlineTransactionFen += o.onlineTransactionFen;
  }
}
