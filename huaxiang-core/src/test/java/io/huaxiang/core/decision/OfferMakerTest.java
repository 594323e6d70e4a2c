package io.huaxiang.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.lending.AnnualPercentageRate;
import io.huaxiang.core.lending.Money;
import io.huaxiang.core.lending.Rate;
import io.huaxiang.core.lending.RepaymentSchedule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferMakerTest {
  private final OfferMaker maker = new OfferMaker(Fixtures.PRODUCTS, Fixtures.SAMPLE);

  @Test
  void ranksEligibleProductsByFitWithPricesByIrr() {
    Map<String, Object> f = Fixtures.goodPortrait();
    f.put("income_band", "from_10k_to_20k");
    f.put("consumption_top_category_90d", "education");
    f.put("consumption_count_90d", 8.0);
    f.put("application_amount_avg_lifetime", 30000.0);
    List<Offer> offers = maker.personalised(f, Set.of());
    assertThat(offers).extracting(Offer::productId).first().isEqualTo("education");
    assertThat(offers).allMatch(Offer::personalised).allMatch(o -> o.band().equals("A"));
    // small_business needs 90 days of account age: 400 here, so it is eligible; all five are
    assertThat(offers).hasSize(5);
    Offer education = offers.get(0);
    assertThat(education.preApprovedAmount()).isEqualByComparingTo("80000"); // 15,000 x 6, capped
    assertThat(education.contractRatePercent()).isEqualByComparingTo("6.0"); // band A: lowest rate
    RepaymentSchedule s =
        RepaymentSchedule.equalInstalment(Money.of(80000), 24, Rate.ofPercent("6.0"));
    assertThat(education.representative().aprPercent())
        .isEqualByComparingTo(AnnualPercentageRate.irr(s.cashflows(Money.ZERO)).nominalPercent());
    assertThat(education.textZh()).contains("预授信 80000 元").contains("内部收益率");
    assertThat(education.textEn()).contains("Pre-approved for CNY 80000");
  }

  @Test
  void aRiskierPortraitGetsLessAndPaysMoreAndIneligibleProductsAreLeftOut() {
    Map<String, Object> f = Fixtures.goodPortrait();
    f.put("max_dpd_lifetime", 40.0);
    f.put("on_time_repayment_ratio_lifetime", 0.5);
    f.put("account_age_days", 10.0);
    f.put("age", 50.0);
    List<Offer> offers = maker.personalised(f, Set.of());
    assertThat(offers).extracting(Offer::productId).doesNotContain("education", "small_business");
    Offer consumption =
        offers.stream().filter(o -> o.productId().equals("consumption")).findFirst().orElseThrow();
    assertThat(consumption.band()).isEqualTo("D");
    assertThat(consumption.contractRatePercent()).isEqualByComparingTo("23.9");
    assertThat(consumption.representative().aprPercent())
        .isLessThanOrEqualTo(new BigDecimal("24.00"));
  }

  @Test
  void withoutConsentOnlyTheStandardOffersAreGiven() {
    Map<String, Object> f = Fixtures.goodPortrait();
    f.put("consent_credit_assessment", false);
    List<Offer> offers = maker.personalised(f, Set.of());
    assertThat(offers).noneMatch(Offer::personalised).hasSize(5);
    assertThat(offers).allMatch(o -> o.band() == null);
    assertThat(maker.standard().get(0).textZh()).startsWith("最高可借");
  }
}
