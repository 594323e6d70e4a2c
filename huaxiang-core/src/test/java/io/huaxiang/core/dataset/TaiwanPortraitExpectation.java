package io.huaxiang.core.dataset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a Taiwan client's portrait must show, worked out straight from the CSV cells by the rules of
 * docs/taiwan-import.md, without calling the importer: the oracle for the import tests.
 */
record TaiwanPortraitExpectation(
    String userId,
    double age,
    String gender,
    String education,
    String maritalStatus,
    double creditLimit,
    double repayments,
    double onTimeRatio,
    double maxDpd,
    double currentDpd,
    double outstanding) {

  /** Expected values as of the start of {@code asOf} (China/Taiwan time). */
  static TaiwanPortraitExpectation fromCsv(String line, LocalDate asOf) {
    String[] c = line.strip().split(",");
    long limit = whole(c[1]);
    int repayments = 0;
    int onTime = 0;
    long paidSum = 0;
    long maxDpd = 0;
    // per bill month (the instalment): amount due per the latest statement naming it, and paid sum
    Map<YearMonth, long[]> bills = new TreeMap<>();
    // X6..X11 status, X12..X17 bill, X18..X23 paid; from April (back = 5) to September (back = 0)
    for (int back = 5; back >= 0; back--) {
      int late = Math.max(0, (int) whole(c[6 + back]));
      long bill = whole(c[12 + back]);
      long paid = whole(c[18 + back]);
      YearMonth billMonth = YearMonth.of(2005, 9 - back).minusMonths(late);
      if (paid > 0) {
        repayments++;
        onTime += late == 0 ? 1 : 0;
        paidSum += paid;
        maxDpd = Math.max(maxDpd, 30L * late);
        long[] b = bills.computeIfAbsent(billMonth, m -> new long[2]);
        b[0] = paid;
        b[1] += paid;
      } else if (late > 0 && bill > 0) {
        bills.computeIfAbsent(billMonth, m -> new long[2])[0] = bill;
      }
    }
    long currentDpd = 0;
    for (var e : bills.entrySet()) {
      if (e.getValue()[1] < e.getValue()[0]) {
        currentDpd = asOf.toEpochDay() - e.getKey().atDay(15).toEpochDay();
        break;
      }
    }
    return new TaiwanPortraitExpectation(
        "tw-" + whole(c[0]),
        whole(c[5]),
        whole(c[2]) == 1 ? "male" : "female",
        switch ((int) whole(c[3])) {
          case 1 -> "graduate";
          case 2 -> "university";
          case 3 -> "high_school";
          case 4 -> "other";
          default -> "unknown";
        },
        switch ((int) whole(c[4])) {
          case 1 -> "married";
          case 2 -> "single";
          case 3 -> "other";
          default -> "unknown";
        },
        limit,
        repayments,
        repayments == 0 ? Double.NaN : (double) onTime / repayments,
        Math.max(maxDpd, currentDpd),
        currentDpd,
        Math.max(0, limit - paidSum));
  }

  private static long whole(String cell) {
    return new BigDecimal(cell.strip()).longValueExact();
  }
}
