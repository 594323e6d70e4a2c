package io.huaxiang.core.demo;

import io.huaxiang.core.event.RepaymentMode;
import io.huaxiang.core.lending.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** The instalments a demo loan falls due in, by repayment mode. */
final class Schedule {
  /** One instalment: due date and amount (principal and interest). */
  record Due(LocalDate date, Money amount) {}

  private Schedule() {}

  static List<Due> of(
      RepaymentMode mode,
      Money principal,
      BigDecimal apr,
      int term,
      LocalDate start,
      RandomGenerator random) {
    return switch (mode) {
      case MONTHLY_INSTALMENT -> equalInstalments(principal, apr, term, start);
      case BULLET -> List.of(new Due(start.plusDays(30), withInterest(principal, apr, 30)));
      case ON_DEMAND -> {
        // borrowed as needed and paid back at the user's convenience within the term
        int days = 7 + random.nextInt(Math.max(1, term * 30 - 7));
        yield List.of(new Due(start.plusDays(days), withInterest(principal, apr, days)));
      }
    };
  }

  /** 等额本息: equal monthly payments of principal and interest. */
  static List<Due> equalInstalments(Money principal, BigDecimal apr, int term, LocalDate start) {
    double i = apr.doubleValue() / 12;
    double p = principal.toDouble();
    double payment = i == 0 ? p / term : p * i / (1 - Math.pow(1 + i, -term));
    List<Due> dues = new ArrayList<>(term);
    for (int k = 1; k <= term; k++) {
      dues.add(
          new Due(
              start.plusMonths(k), Money.rounded(new BigDecimal(payment, MathContext.DECIMAL64))));
    }
    return dues;
  }

  private static Money withInterest(Money principal, BigDecimal apr, int days) {
    BigDecimal interest =
        apr.multiply(BigDecimal.valueOf(days))
            .divide(BigDecimal.valueOf(365), MathContext.DECIMAL64);
    return Money.rounded(principal.amount().multiply(BigDecimal.ONE.add(interest)));
  }
}
