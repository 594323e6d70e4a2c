package io.huaxiang.core.lending;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The highest APR a loan may carry on a given contract date: the lowest of the rules in force that
 * day. APRs are compared in the nominal IRR sense of {@link AnnualPercentageRate#nominal()}.
 *
 * <p>Which lines apply depends on the lender: licensed lenders (banks, consumer finance and
 * microloan companies) are held to the 24 % all-in line by their supervisors; private lending
 * contracts are protected by the courts up to 4 × the one-year LPR at signing since 20 August 2020
 * (24 % before). See {@code docs/lending-rules.md}.
 *
 * @param name what this set of rules is for
 * @param rules the rules; at least one must be in force on any date asked about
 */
public record AprCap(String name, List<AprCap.Rule> rules) {

  /** One cap line, in force from {@code from} to {@code until} (both inclusive; null = open). */
  public sealed interface Rule permits FixedLine, LprMultiple {
    LocalDate from();

    LocalDate until();

    /** The Chinese statement of the rule and its source. */
    String zh();

    /** The English statement of the rule and its source. */
    String en();

    /** The cap on {@code date}, or empty if the rule is not in force. */
    Optional<Rate> rateOn(LocalDate date);

    default boolean inForceOn(LocalDate date) {
      return !date.isBefore(from()) && (until() == null || !date.isAfter(until()));
    }
  }

  /** A fixed line, such as 24 %. */
  public record FixedLine(Rate rate, LocalDate from, LocalDate until, String zh, String en)
      implements Rule {
    public FixedLine {
      Objects.requireNonNull(rate, "rate");
      Objects.requireNonNull(from, "from");
    }

    @Override
    public Optional<Rate> rateOn(LocalDate date) {
      return inForceOn(date) ? Optional.of(rate) : Optional.empty();
    }
  }

  /** A multiple of a published rate on the contract date, such as 4 × one-year LPR. */
  public record LprMultiple(
      BigDecimal multiple, RateTable lpr, LocalDate from, LocalDate until, String zh, String en)
      implements Rule {
    public LprMultiple {
      Objects.requireNonNull(multiple, "multiple");
      Objects.requireNonNull(lpr, "lpr");
      Objects.requireNonNull(from, "from");
    }

    @Override
    public Optional<Rate> rateOn(LocalDate date) {
      return inForceOn(date) ? lpr.rateOn(date).map(r -> r.times(multiple)) : Optional.empty();
    }
  }

  /** The cap on a date and the rule that sets it. */
  public record Limit(Rate rate, Rule binding) {}

  /** The outcome of comparing an offer's APR with the cap. */
  public record Check(boolean within, BigDecimal aprPercent, Limit limit) {
    /** A bilingual sentence for the decision log or the product review. */
    public String explain() {
      String verdictZh = within ? "未超过" : "超过";
      String verdictEn = within ? "is within" : "exceeds";
      return "年化利率 "
          + aprPercent
          + "% "
          + verdictZh
          + "上限 "
          + limit.rate()
          + "（"
          + limit.binding().zh()
          + "） / APR "
          + aprPercent
          + "% "
          + verdictEn
          + " the cap of "
          + limit.rate()
          + " ("
          + limit.binding().en()
          + ")";
    }
  }

  private static final Rate TWENTY_FOUR = Rate.ofPercent("24");

  public AprCap {
    Objects.requireNonNull(name, "name");
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("an APR cap needs at least one rule");
    }
  }

  /** Licensed lenders: the 24 % all-in line, from the 2017 cash-loan rectification notice on. */
  public static AprCap licensedLender() {
    return new AprCap("licensed lender", List.of(licensedLine()));
  }

  /**
   * Private lending as protected by the courts: 24 % for contracts from 1 September 2015 to 19
   * August 2020, then 4 × the one-year LPR on the contract date.
   */
  public static AprCap privateLending(RateTable oneYearLpr) {
    return new AprCap(
        "private lending",
        List.of(
            new FixedLine(
                TWENTY_FOUR,
                LocalDate.of(2015, 9, 1),
                LocalDate.of(2020, 8, 19),
                "民间借贷年利率24%以内受司法保护（法释〔2015〕18号）",
                "private lending interest up to 24% a year is enforceable (SPC interpretation"
                    + " [2015] No. 18)"),
            fourTimesLpr(oneYearLpr)));
  }

  /**
   * The lower of the licensed 24 % line and 4 × LPR: a conservative cap for products that must hold
   * up under either reading.
   */
  public static AprCap strictest(RateTable oneYearLpr) {
    return new AprCap("strictest", List.of(licensedLine(), fourTimesLpr(oneYearLpr)));
  }

  /**
   * The cap on {@code contractDate}: the lowest rate among the rules in force.
   *
   * @throws IllegalArgumentException if no rule is in force that day (e.g. before the LPR table
   *     starts)
   */
  public Limit capOn(LocalDate contractDate) {
    Objects.requireNonNull(contractDate, "contractDate");
    Limit best = null;
    for (Rule rule : rules) {
      Optional<Rate> rate = rule.rateOn(contractDate);
      if (rate.isPresent() && (best == null || rate.get().compareTo(best.rate()) < 0)) {
        best = new Limit(rate.get(), rule);
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(
          "no " + name + " APR cap rule is in force on " + contractDate);
    }
    return best;
  }

  /** Compares an offer's nominal APR, rounded to 2 decimals in percent, with the cap. */
  public Check check(AnnualPercentageRate apr, LocalDate contractDate) {
    Objects.requireNonNull(apr, "apr");
    Limit limit = capOn(contractDate);
    BigDecimal aprPercent = apr.nominalPercent();
    return new Check(aprPercent.compareTo(limit.rate().percent()) <= 0, aprPercent, limit);
  }

  private static FixedLine licensedLine() {
    return new FixedLine(
        TWENTY_FOUR,
        LocalDate.of(2017, 12, 1),
        null,
        "综合年化资金成本（利息加各类费用）不超过24%（整治办函〔2017〕141号及监管要求）",
        "all-in annualised cost (interest plus all fees) at most 24% (rectification notice"
            + " No. 141 of 2017 and supervisory guidance)");
  }

  private static LprMultiple fourTimesLpr(RateTable oneYearLpr) {
    return new LprMultiple(
        BigDecimal.valueOf(4),
        oneYearLpr,
        LocalDate.of(2020, 8, 20),
        null,
        "不超过合同成立时一年期LPR的4倍（《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》2020年修正）",
        "at most 4 times the one-year LPR on the contract date (SPC private lending provisions,"
            + " 2020 revision)");
  }
}
