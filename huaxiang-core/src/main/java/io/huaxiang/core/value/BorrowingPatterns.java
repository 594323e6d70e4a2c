package io.huaxiang.core.value;

import io.huaxiang.core.event.LoanDisbursed;
import io.huaxiang.core.event.RepaymentMode;
import io.huaxiang.core.profile.FeatureValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classifies how a user borrows and how much risk they seek, by rules over their disbursed loans
 * and portrait features. Rules are read top to bottom; the first that matches decides, and its
 * facts are returned as reasons.
 *
 * <p>Borrowing pattern (借贷模式):
 *
 * <ol>
 *   <li>no loan disbursed → {@code none};
 *   <li>at least 3 loans and (at least half of them on demand 随借随还, or at least 2 loans open now) →
 *       {@code revolver} (draws again and again, or stacks new loans on open ones);
 *   <li>at least 3 loans, average principal below 3,000 CNY, average term at most 3 months → {@code
 *       short_term_small_frequent};
 *   <li>average principal at least 10,000 CNY or average term at least 12 months → {@code
 *       long_term_large};
 *   <li>at least half of the loans in monthly instalments (等额分期) → {@code instalment_user};
 *   <li>otherwise {@code occasional}.
 * </ol>
 *
 * <p>Risk preference (风险偏好):
 *
 * <ol>
 *   <li>borrowing from at least 4 platforms at the bureau, or at least 3 applications in 30 days,
 *       or at least 6 bureau inquiries in 3 months, or at least 3 loans open → {@code aggressive};
 *   <li>at most 1 platform (or no bureau report), at most 1 application in 90 days and never past
 *       due → {@code conservative};
 *   <li>otherwise {@code moderate}.
 * </ol>
 */
public final class BorrowingPatterns {
  static final int FREQUENT_LOANS = 3;
  static final double SMALL_PRINCIPAL = 3_000;
  static final double SHORT_TERM_MONTHS = 3;
  static final double LARGE_PRINCIPAL = 10_000;
  static final double LONG_TERM_MONTHS = 12;

  private BorrowingPatterns() {}

  public static BorrowingProfile classify(List<LoanDisbursed> loans, FeatureValues f) {
    List<String> patternReasons = new ArrayList<>();
    BorrowingPattern pattern = pattern(loans, f, patternReasons);
    List<String> riskReasons = new ArrayList<>();
    RiskPreference risk = risk(f, riskReasons);
    return new BorrowingProfile(pattern, patternReasons, risk, riskReasons);
  }

  static BorrowingPattern pattern(List<LoanDisbursed> loans, FeatureValues f, List<String> why) {
    int n = loans.size();
    if (n == 0) {
      why.add("no loan disbursed");
      return BorrowingPattern.NONE;
    }
    double principal = 0;
    double term = 0;
    int onDemand = 0;
    int instalments = 0;
    for (LoanDisbursed l : loans) {
      principal += l.principal().amount().doubleValue();
      term += l.termMonths();
      onDemand += l.repaymentMode() == RepaymentMode.ON_DEMAND ? 1 : 0;
      instalments += l.repaymentMode() == RepaymentMode.MONTHLY_INSTALMENT ? 1 : 0;
    }
    double avgPrincipal = principal / n;
    double avgTerm = term / n;
    double open = orZero(f.number("loans_outstanding_count"));
    if (n >= FREQUENT_LOANS && (2 * onDemand >= n || open >= 2)) {
      why.add(fmt("loans=%d ≥ %d", n, FREQUENT_LOANS));
      why.add(
          2 * onDemand >= n ? fmt("on_demand=%d of %d", onDemand, n) : fmt("open=%.0f ≥ 2", open));
      return BorrowingPattern.REVOLVER;
    }
    if (n >= FREQUENT_LOANS && avgPrincipal < SMALL_PRINCIPAL && avgTerm <= SHORT_TERM_MONTHS) {
      why.add(fmt("loans=%d ≥ %d", n, FREQUENT_LOANS));
      why.add(fmt("avg_principal=%.0f < %.0f", avgPrincipal, SMALL_PRINCIPAL));
      why.add(fmt("avg_term_months=%.1f ≤ %.0f", avgTerm, SHORT_TERM_MONTHS));
      return BorrowingPattern.SHORT_TERM_SMALL_FREQUENT;
    }
    if (avgPrincipal >= LARGE_PRINCIPAL || avgTerm >= LONG_TERM_MONTHS) {
      why.add(
          avgPrincipal >= LARGE_PRINCIPAL
              ? fmt("avg_principal=%.0f ≥ %.0f", avgPrincipal, LARGE_PRINCIPAL)
              : fmt("avg_term_months=%.1f ≥ %.0f", avgTerm, LONG_TERM_MONTHS));
      return BorrowingPattern.LONG_TERM_LARGE;
    }
    if (2 * instalments >= n) {
      why.add(fmt("monthly_instalment=%d of %d", instalments, n));
      return BorrowingPattern.INSTALMENT_USER;
    }
    why.add(fmt("loans=%d, avg_principal=%.0f, avg_term_months=%.1f", n, avgPrincipal, avgTerm));
    return BorrowingPattern.OCCASIONAL;
  }

  static RiskPreference risk(FeatureValues f, List<String> why) {
    double platforms = f.number("bureau_platforms_borrowed");
    double apps30 = orZero(f.number("applications_count_30d"));
    double apps90 = orZero(f.number("applications_count_90d"));
    double inquiries = f.number("bureau_inquiries_3m");
    double open = orZero(f.number("loans_outstanding_count"));
    double maxDpd = orZero(f.number("max_dpd_lifetime"));
    if (platforms >= 4) {
      why.add(fmt("bureau_platforms_borrowed=%.0f ≥ 4", platforms));
    }
    if (apps30 >= 3) {
      why.add(fmt("applications_count_30d=%.0f ≥ 3", apps30));
    }
    if (inquiries >= 6) {
      why.add(fmt("bureau_inquiries_3m=%.0f ≥ 6", inquiries));
    }
    if (open >= 3) {
      why.add(fmt("loans_outstanding_count=%.0f ≥ 3", open));
    }
    if (!why.isEmpty()) {
      return RiskPreference.AGGRESSIVE;
    }
    if ((Double.isNaN(platforms) || platforms <= 1) && apps90 <= 1 && maxDpd <= 0) {
      why.add(
          fmt(
              "bureau_platforms_borrowed=%s ≤ 1, applications_count_90d=%.0f ≤ 1, max_dpd_lifetime=0",
              Double.isNaN(platforms) ? "none" : fmt("%.0f", platforms), apps90));
      return RiskPreference.CONSERVATIVE;
    }
    why.add("neither aggressive nor conservative");
    return RiskPreference.MODERATE;
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
