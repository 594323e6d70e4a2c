package io.huaxiang.core.decision;

import io.huaxiang.core.event.LoanPurpose;
import io.huaxiang.core.expr.ExpressionException;
import io.huaxiang.core.expr.Expressions;
import io.huaxiang.core.expr.Schema;
import io.huaxiang.core.lending.AprCap;
import io.huaxiang.core.lending.RepaymentMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The credit products on offer, loaded from YAML and checked when published: amounts and terms make
 * sense, eligibility compiles against the portrait schema, and the highest price of every term
 * (with all fees, as an IRR-based APR) is within the product's APR cap on the publish date.
 */
public final class ProductCatalogue {
  private final int version;
  private final Map<String, Product> products;
  private final String source;

  private ProductCatalogue(int version, Map<String, Product> products, String source) {
    this.version = version;
    this.products = products;
    this.source = source;
  }

  /** The catalogue shipped as a sample ({@code products.yaml} in this package). */
  public static ProductCatalogue sample(
      LendingPolicy policy, Schema portrait, LocalDate publishOn) {
    return load(resource("products.yaml"), policy, portrait, publishOn);
  }

  static String resource(String name) {
    try (InputStream in = ProductCatalogue.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads and validates a catalogue.
   *
   * @param portrait the variables eligibility rules may read
   * @param publishOn the day the catalogue is published: APR caps are checked on this date
   * @throws DefinitionException naming the product and field at fault
   */
  public static ProductCatalogue load(
      String yaml, LendingPolicy policy, Schema portrait, LocalDate publishOn) {
    Spec root = Spec.parse(yaml, "product catalogue").only("version", "products");
    int version = root.integer("version");
    Map<String, Product> out = new LinkedHashMap<>();
    for (Spec s : root.list("products")) {
      Product p = product(s, policy, portrait, publishOn);
      if (out.put(p.id(), p) != null) {
        throw new DefinitionException(
            "INVALID_VALUE",
            s.at("id"),
            "product '" + p.id() + "' is declared twice",
            "产品 '" + p.id() + "' 重复声明");
      }
    }
    if (out.isEmpty()) {
      throw new DefinitionException(
          "MISSING", "products", "a catalogue needs at least one product", "产品目录至少需要一个产品");
    }
    return new ProductCatalogue(version, Map.copyOf(out), yaml);
  }

  private static Product product(
      Spec s, LendingPolicy policy, Schema portrait, LocalDate publishOn) {
    s.only(
        "id",
        "name_zh",
        "name_en",
        "purpose",
        "min_amount",
        "max_amount",
        "terms",
        "apr_min",
        "apr_max",
        "repayment",
        "monthly_fee",
        "upfront_fee",
        "apr_cap",
        "eligibility",
        "daily_budget");
    String id = s.text("id");
    if (!id.matches("[a-z][a-z0-9_]{0,39}")) {
      throw s.invalid("id", "must be lower_snake_case, at most 40 characters", "必须为小写下划线形式");
    }
    LoanPurpose purpose = enumOf(LoanPurpose.class, s, "purpose");
    BigDecimal min = s.number("min_amount");
    BigDecimal max = s.number("max_amount");
    if (min.signum() <= 0 || max.compareTo(min) < 0) {
      throw s.invalid(
          "max_amount",
          "need 0 < min_amount <= max_amount, got " + min + " and " + max,
          "须满足 0 < 最小金额 <= 最大金额");
    }
    List<Integer> terms = new ArrayList<>();
    for (String t : s.texts("terms")) {
      int months;
      try {
        months = Integer.parseInt(t);
      } catch (NumberFormatException e) {
        throw s.invalid("terms", "terms are whole months, got '" + t + "'", "期限须为整月数");
      }
      if (months < 1 || months > 120) {
        throw s.invalid("terms", "terms are 1 to 120 months, got " + months, "期限须在1到120个月之间");
      }
      terms.add(months);
    }
    if (terms.isEmpty()) {
      throw s.invalid("terms", "at least one term is needed", "至少需要一个期限");
    }
    terms.sort(null);
    BigDecimal aprMin = s.number("apr_min");
    BigDecimal aprMax = s.number("apr_max");
    if (aprMin.signum() < 0 || aprMax.compareTo(aprMin) < 0) {
      throw s.invalid("apr_max", "need 0 <= apr_min <= apr_max", "须满足 0 <= 最低利率 <= 最高利率");
    }
    RepaymentMethod repayment = enumOf(RepaymentMethod.class, s, "repayment");
    BigDecimal monthlyFee = s.number("monthly_fee", BigDecimal.ZERO);
    BigDecimal upfrontFee = s.number("upfront_fee", BigDecimal.ZERO);
    if (monthlyFee.signum() < 0
        || upfrontFee.signum() < 0
        || upfrontFee.compareTo(BigDecimal.TEN) > 0) {
      throw s.invalid(
          "upfront_fee", "fees are percentages from 0 (upfront at most 10)", "费率须为非负百分比");
    }
    String capName = s.text("apr_cap", "licensed_lender");
    AprCap cap;
    try {
      cap = policy.capSet(capName);
    } catch (IllegalArgumentException e) {
      throw s.invalid("apr_cap", e.getMessage(), "未知的利率上限规则 '" + capName + "'");
    }
    var eligibility = s.has("eligibility") ? compile(s, "eligibility", portrait) : null;
    Spec budget = s.object("daily_budget").only("amount", "count");
    BigDecimal budgetAmount = budget.number("amount");
    long budgetCount = budget.integer("count");
    if (budgetAmount.signum() < 0 || budgetCount < 0) {
      throw budget.invalid("amount", "a budget cannot be negative", "资金预算不能为负");
    }
    Product p =
        new Product(
            id,
            s.text("name_zh"),
            s.text("name_en"),
            purpose,
            min,
            max,
            terms,
            aprMin,
            aprMax,
            repayment,
            monthlyFee,
            upfrontFee,
            capName,
            cap,
            eligibility,
            budgetAmount,
            budgetCount);
    // publish-time check: the dearest offer of every term must be within the cap today
    for (int months : terms) {
      checkCap(p, policy, p.maxAmount(), months, aprMax, publishOn, s.at("apr_max"));
    }
    return p;
  }

  /**
   * Throws {@code APR_ABOVE_CAP} if pricing {@code amount} over {@code months} at {@code
   * ratePercent} has an APR (IRR, all fees) above the product's cap or the hard line on {@code
   * date}.
   */
  static void checkCap(
      Product p,
      LendingPolicy policy,
      BigDecimal amount,
      int months,
      BigDecimal ratePercent,
      LocalDate date,
      String path) {
    BigDecimal apr = OfferPricing.price(p, amount, months, ratePercent).aprPercent();
    BigDecimal cap = policy.capPercentOn(p.cap(), date);
    if (apr.compareTo(cap) > 0) {
      throw new DefinitionException(
          "APR_ABOVE_CAP",
          path,
          "a "
              + ratePercent
              + "% rate on product '"
              + p.id()
              + "' over "
              + months
              + " months has an APR of "
              + apr
              + "% (IRR, all fees included), above the cap of "
              + cap
              + "% on "
              + date
              + " ("
              + p.capName()
              + ", hard line "
              + policy.hardAprCap().percent().stripTrailingZeros().toPlainString()
              + "%)",
          "产品 '"
              + p.id()
              + "' 按 "
              + ratePercent
              + "% 定价、期限 "
              + months
              + " 个月时，年化利率（内部收益率法，含全部费用）为 "
              + apr
              + "%，超过 "
              + date
              + " 的上限 "
              + cap
              + "%");
    }
  }

  static io.huaxiang.core.expr.CompiledExpression compile(Spec s, String field, Schema schema) {
    try {
      return Expressions.compileCondition(s.text(field), schema);
    } catch (ExpressionException e) {
      throw new DefinitionException(
          e.kind() == io.huaxiang.core.expr.ErrorKind.UNKNOWN_VARIABLE
              ? "UNKNOWN_FEATURE"
              : "EXPRESSION",
          s.at(field),
          e.getMessage(),
          e.messageZh());
    }
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, Spec s, String field) {
    String wire = s.text(field);
    try {
      return Enum.valueOf(type, wire.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name().toLowerCase(Locale.ROOT));
      }
      throw s.invalid(
          field,
          "unknown value '" + wire + "'; use one of " + String.join(", ", names),
          "未知取值 '" + wire + "'，可选：" + String.join("、", names));
    }
  }

  public int version() {
    return version;
  }

  public Optional<Product> find(String id) {
    return Optional.ofNullable(id == null ? null : products.get(id));
  }

  /** Every product, ordered by id. */
  public List<Product> products() {
    return products.values().stream().sorted(java.util.Comparator.comparing(Product::id)).toList();
  }

  /** The YAML the catalogue was loaded from. */
  public String source() {
    return source;
  }
}
