package io.huaxiang.core.decision;

import io.huaxiang.core.lending.AprCap;
import io.huaxiang.core.lending.LprHistory;
import io.huaxiang.core.lending.Rate;
import io.huaxiang.core.lending.RateTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * The lender-wide rules no strategy or product can change: the hard APR line, the most credit one
 * borrower may hold, the features decisions must never use, the dated LPR table the caps read, and
 * the zone in which days and hours are counted.
 *
 * @param hardAprCap the APR no offer may exceed, whatever the product's cap (default 24 %)
 * @param borrowerCap the most credit one borrower may have committed over all products
 * @param forbiddenFeatures features no strategy may read (e.g. gender), checked when it loads
 * @param oneYearLpr the one-year LPR table for 4 × LPR caps
 * @param zone where days (budgets) and hours (unusual-hour rules) are counted
 */
public record LendingPolicy(
    Rate hardAprCap,
    BigDecimal borrowerCap,
    Set<String> forbiddenFeatures,
    RateTable oneYearLpr,
    ZoneId zone) {

  /** Features that decisions and pricing must never read (PIPL Art 24, Reg B), by default. */
  public static final Set<String> DEFAULT_FORBIDDEN =
      Set.of("gender", "marital_status", "consent_marketing");

  public LendingPolicy {
    Objects.requireNonNull(hardAprCap, "hardAprCap");
    Objects.requireNonNull(borrowerCap, "borrowerCap");
    forbiddenFeatures = Set.copyOf(forbiddenFeatures);
    Objects.requireNonNull(oneYearLpr, "oneYearLpr");
    Objects.requireNonNull(zone, "zone");
  }

  /**
   * 24 % hard line, 200,000 CNY per borrower, gender and marital status forbidden, Beijing time.
   */
  public static LendingPolicy standard() {
    return new LendingPolicy(
        Rate.ofPercent("24"),
        BigDecimal.valueOf(200_000),
        DEFAULT_FORBIDDEN,
        LprHistory.oneYear(),
        ZoneId.of("Asia/Shanghai"));
  }

  public LendingPolicy withHardAprCap(Rate cap) {
    return new LendingPolicy(cap, borrowerCap, forbiddenFeatures, oneYearLpr, zone);
  }

  public LendingPolicy withBorrowerCap(BigDecimal cap) {
    return new LendingPolicy(hardAprCap, cap, forbiddenFeatures, oneYearLpr, zone);
  }

  /** The cap set a product names: {@code licensed_lender}, {@code strictest} or private lending. */
  public AprCap capSet(String name) {
    return switch (name == null ? "licensed_lender" : name) {
      case "licensed_lender" -> AprCap.licensedLender();
      case "strictest" -> AprCap.strictest(oneYearLpr);
      case "private_lending" -> AprCap.privateLending(oneYearLpr);
      default ->
          throw new IllegalArgumentException(
              "unknown APR cap '" + name + "'; use licensed_lender, strictest or private_lending");
    };
  }

  /** The lower of the product's cap on {@code date} and the hard line, in percent. */
  public BigDecimal capPercentOn(AprCap cap, LocalDate date) {
    BigDecimal product = cap.capOn(date).rate().percent();
    BigDecimal hard = hardAprCap.percent();
    return product.min(hard).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
