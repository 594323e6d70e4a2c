package io.huaxiang.core.decision;

import io.huaxiang.core.privacy.CheckDigits;
import io.huaxiang.core.privacy.LookupHash;
import io.huaxiang.core.profile.FeatureCatalogue;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.tag.PortraitSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Applicants, portraits and the sample strategy, as the decision tests need them. */
final class Fixtures {
  static final LendingPolicy POLICY = LendingPolicy.standard();
  static final FeatureCatalogue FEATURES = PortraitFeatures.catalogue();
  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  /** 14:00 in Beijing. */
  static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

  static final LookupHash HASH =
      new LookupHash("decision-tests-lookup-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  static final ProductCatalogue PRODUCTS =
      ProductCatalogue.sample(POLICY, new PortraitSchema(FEATURES).schema(), TODAY);
  static final StrategyLoader LOADER = new StrategyLoader(FEATURES, PRODUCTS, POLICY);
  static final Strategy SAMPLE = LOADER.sample(TODAY);
  static final DecisionEngine ENGINE = new DecisionEngine(SAMPLE, PRODUCTS, POLICY);

  private Fixtures() {}

  /** A valid resident ID number of someone born on {@code birth} in Beijing Chaoyang. */
  static String idNumber(LocalDate birth, int seq) {
    String first17 =
        "110105" + birth.toString().replace("-", "") + String.format("%03d", seq % 1000);
    return first17 + CheckDigits.residentIdCheck(first17);
  }

  static ApplicationForm form(String requestId, String user, BigDecimal amount, int term) {
    return new ApplicationForm(
        requestId,
        user,
        "consumption",
        amount,
        term,
        "consumption",
        new BigDecimal("10000"),
        idNumber(LocalDate.of(1994, 5, 17), 123),
        "13812345678",
        "6222021234567890128",
        "dev-1",
        "10.0.0.1",
        "杭州",
        "app");
  }

  static LoanApplication application(BigDecimal amount, int term) {
    return new ApplicationIntake(PRODUCTS, HASH, POLICY)
        .accept(form("req-1", "u-1", amount, term), NOW);
  }

  /** A returning borrower with a clean record and every consent for lending. */
  static Map<String, Object> goodPortrait() {
    Map<String, Object> f = new HashMap<>();
    f.put("consent_credit_assessment", true);
    f.put("consent_credit_bureau_query", true);
    f.put("age", 32.0);
    f.put("city", "杭州");
    f.put("max_dpd_lifetime", 0.0);
    f.put("max_dpd_90d", 0.0);
    f.put("current_dpd", 0.0);
    f.put("on_time_repayment_ratio_lifetime", 1.0);
    f.put("account_age_days", 400.0);
    f.put("applications_count_30d", 1.0);
    f.put("bureau_inquiries_3m", 1.0);
    f.put("bureau_platforms_borrowed", 1.0);
    f.put("bureau_outstanding_debt", 0.0);
    f.put("outstanding_balance", 0.0);
    f.put("active_days_30d", 12.0);
    f.put("loans_disbursed_count_lifetime", 2.0);
    return f;
  }

  static DecisionInputs inputs(Map<String, Object> features) {
    return new DecisionInputs(
        features, Set.of(), Set.of(), Map.of(), BigDecimal.ZERO, Set.of(), NOW);
  }
}
