package io.huaxiang.core.dataset;

import java.time.YearMonth;

/**
 * One month of a Taiwan credit-card account as the UCI data gives it.
 *
 * @param month the statement month, April to September 2005
 * @param status repayment status {@code PAY_}: -2 no consumption, -1 paid duly, 0 revolving credit,
 *     1..9 months of payment delay
 * @param bill the bill statement amount {@code BILL_AMT} in NT$, negative for a credit balance
 * @param paid the amount paid {@code PAY_AMT} in NT$ in that month
 */
public record TaiwanStatement(YearMonth month, int status, long bill, long paid) {

  /** Months of delay the status reports; 0 for the paid-duly, no-use and revolving codes. */
  public int monthsLate() {
    return Math.max(0, status);
  }
}
