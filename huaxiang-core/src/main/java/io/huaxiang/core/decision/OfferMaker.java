package io.huaxiang.core.decision;

import io.huaxiang.core.expr.ArrayBindings;
import io.huaxiang.core.expr.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks the catalogue's products for one user: the products whose eligibility holds for the
 * portrait, each pre-approved with the risk band of a strategy's scorecard (price placed in the
 * product's rate range by band, amount from the band's income multiple and the estimated income),
 * ordered by fit to need (purpose signals in the portrait), risk (band) and preference (the amounts
 * the user asked for before). Pure: the portrait is an input.
 *
 * <p>A pre-approval is a credit assessment, so without the user's consent to credit assessment only
 * the non-personalised offers are given, as they are to anyone who asks for them.
 */
public final class OfferMaker {
  private static final Map<String, BigDecimal> INCOME_BY_BAND =
      Map.of(
          "below_3k", BigDecimal.valueOf(2000),
          "from_3k_to_5k", BigDecimal.valueOf(4000),
          "from_5k_to_10k", BigDecimal.valueOf(7500),
          "from_10k_to_20k", BigDecimal.valueOf(15000),
          "above_20k", BigDecimal.valueOf(25000));
  private static final BigDecimal UNKNOWN_INCOME = BigDecimal.valueOf(3000);

  private final ProductCatalogue products;
  private final Strategy strategy;
  private final Schema schema;

  /**
   * @param strategy the strategy whose scorecard, bands and income multiples pre-approve (the
   *     champion of the main product)
   */
  public OfferMaker(ProductCatalogue products, Strategy strategy) {
    this.products = products;
    this.strategy = strategy;
    this.schema = strategy.schema();
  }

  /** The standard offers: every product at its maximum amount and lowest rate, no portrait read. */
  public List<Offer> standard() {
    List<Offer> out = new ArrayList<>();
    for (Product p : products.products()) {
      out.add(offer(p, false, p.maxAmount(), p.aprMinPercent(), null, 0));
    }
    return out;
  }

  /** The personalised offers for a portrait (features by name, tags), best fit first. */
  public List<Offer> personalised(Map<String, Object> features, Set<String> tags) {
    if (!Boolean.TRUE.equals(features.get("consent_credit_assessment"))) {
      return standard();
    }
    ArrayBindings b = new ArrayBindings(schema);
    features.forEach(
        (name, value) -> {
          if (schema.slot(name) >= 0 && value != null) {
            b.set(name, value);
          }
        });
    b.setTags(tags);
    int score = strategy.scorecard().score(b, 0).points();
    List<Strategy.Band> bands = strategy.bands();
    Strategy.Band band = strategy.band(score);
    double position = bands.size() == 1 ? 0 : (double) bands.indexOf(band) / (bands.size() - 1);
    BigDecimal income =
        INCOME_BY_BAND.getOrDefault(String.valueOf(features.get("income_band")), UNKNOWN_INCOME);
    BigDecimal multiple = strategy.limit().incomeMultiple().get(band.name());
    List<Offer> out = new ArrayList<>();
    for (Product p : products.products()) {
      if (p.eligibility() != null && !p.eligibility().test(b)) {
        continue;
      }
      BigDecimal amount =
          income
              .multiply(multiple)
              .min(p.maxAmount())
              .divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR)
              .multiply(BigDecimal.valueOf(100));
      if (amount.compareTo(p.minAmount()) < 0) {
        continue;
      }
      BigDecimal rate =
          p.aprMinPercent()
              .add(
                  p.aprMaxPercent()
                      .subtract(p.aprMinPercent())
                      .multiply(BigDecimal.valueOf(position)))
              .setScale(1, RoundingMode.HALF_UP);
      double fit = 0.4 * need(p, features) + 0.3 * (1 - position) + 0.3 * preference(p, features);
      out.add(offer(p, true, amount, rate, band.name(), Math.round(fit * 1000) / 1000.0));
    }
    out.sort(Comparator.comparingDouble(Offer::fit).reversed().thenComparing(Offer::productId));
    return out;
  }

  /** 1 when the portrait shows the need the product serves, 0.5 when neutral. */
  private static double need(Product p, Map<String, Object> f) {
    String top = String.valueOf(f.get("consumption_top_category_90d"));
    return switch (p.purpose()) {
      case EDUCATION -> top.equals("education") ? 1 : 0.3;
      case MEDICAL -> top.equals("medical") ? 1 : 0.3;
      case BUSINESS -> number(f, "account_age_days") >= 365 ? 0.6 : 0.2;
      case CONSUMPTION, SMALL_CREDIT -> number(f, "consumption_count_90d") >= 5 ? 0.9 : 0.5;
    };
  }

  /** How well the amounts the user asked for before fall in the product's range. */
  private static double preference(Product p, Map<String, Object> f) {
    double avg = number(f, "application_amount_avg_lifetime");
    if (avg <= 0) {
      return 0.5;
    }
    double min = p.minAmount().doubleValue();
    double max = p.maxAmount().doubleValue();
    if (avg >= min && avg <= max) {
      return 1;
    }
    double distance = avg < min ? (min - avg) / min : (avg - max) / max;
    return Math.max(0, 1 - distance);
  }

  private static double number(Map<String, Object> f, String name) {
    return f.get(name) instanceof Number n ? n.doubleValue() : 0;
  }

  private static Offer offer(
      Product p, boolean personal, BigDecimal amount, BigDecimal rate, String band, double fit) {
    int term = p.terms().get(p.terms().size() / 2);
    PricedTerm priced = OfferPricing.price(p, amount, term, rate);
    String zh =
        (personal ? "为您预授信 " : "最高可借 ")
            + amount.toPlainString()
            + " 元，以 "
            + term
            + " 期为例年化利率 "
            + priced.aprPercent()
            + "%（按内部收益率法计算，含全部费用），总成本 "
            + priced.totalCost().toPlainString()
            + " 元；可选期限 "
            + p.terms()
            + " 个月。";
    String en =
        (personal ? "Pre-approved for CNY " : "Borrow up to CNY ")
            + amount.toPlainString()
            + "; over "
            + term
            + " months the APR is "
            + priced.aprPercent()
            + "% (internal rate of return, all fees included), total cost CNY "
            + priced.totalCost().toPlainString()
            + "; terms "
            + p.terms()
            + " months.";
    return new Offer(
        p.id(),
        p.nameZh(),
        p.nameEn(),
        personal,
        amount,
        rate,
        priced,
        p.terms(),
        band,
        fit,
        zh,
        en);
  }
}
