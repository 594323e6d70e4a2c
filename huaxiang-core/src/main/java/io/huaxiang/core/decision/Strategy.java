package io.huaxiang.core.decision;

import io.huaxiang.core.expr.CompiledExpression;
import io.huaxiang.core.expr.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A versioned, declarative loan strategy (策略) for one product: ordered stages of rules over
 * portrait features, application fields, velocity counts, list hits and model outputs; a scorecard
 * with cut-offs by segment; credit line and pricing by risk band; funding-throttle priorities.
 * Loaded and validated by {@link StrategyLoader}; immutable and thread-safe.
 */
public record Strategy(
    String id,
    int version,
    String productId,
    String descriptionZh,
    String descriptionEn,
    Schema schema,
    PreCheck preCheck,
    List<Rule> rules,
    Scorecard scorecard,
    List<Segment> segments,
    List<Band> bands,
    Limit limit,
    Pricing pricing,
    Throttle throttle,
    String source,
    String fingerprint) {

  public Strategy {
    rules = List.copyOf(rules);
    segments = List.copyOf(segments);
    bands = List.copyOf(bands);
  }

  /** Age and residency policy. */
  public record PreCheck(int minAge, int maxAge, List<String> excludedRegions) {
    public PreCheck {
      excludedRegions = List.copyOf(excludedRegions);
    }
  }

  /**
   * A segment of applicants with its own cut-offs; the first segment whose condition is true
   * applies (a null condition matches everyone).
   */
  public record Segment(
      String id, CompiledExpression condition, int declineBelow, int reviewBelow) {}

  /** A risk band: scores at or above {@code minScore} (the last band takes every score). */
  public record Band(String name, int minScore) {}

  /**
   * @param incomeMultiple the line as a multiple of monthly income, by band
   * @param maxDti the most of monthly income all instalments may take
   * @param roundTo lines are rounded down to a multiple of this
   */
  public record Limit(
      Map<String, BigDecimal> incomeMultiple, BigDecimal maxDti, BigDecimal roundTo) {
    public Limit {
      incomeMultiple = Map.copyOf(incomeMultiple);
    }
  }

  /** An APR change (percentage points) when a condition holds. */
  public record Adjustment(String id, CompiledExpression condition, BigDecimal deltaPercent) {}

  /** The contract rate by band, percent a year, and the adjustments applied on top. */
  public record Pricing(Map<String, BigDecimal> ratePercentByBand, List<Adjustment> adjustments) {
    public Pricing {
      ratePercentByBand = Map.copyOf(ratePercentByBand);
      adjustments = List.copyOf(adjustments);
    }
  }

  /**
   * Demand throttling (借款需求旺，明天再来): once {@code softShare} of a day's budget is used, only the
   * priority bands are funded from the rest; and when the demand per hour exceeds {@code
   * demandShare} of what is left of the day's budget, the other bands are deferred to the next day
   * at once, before the budget runs out, so scarce funds go to the better risks.
   *
   * @param demandShare null: no throttling by the demand rate
   */
  public record Throttle(BigDecimal softShare, Set<String> priorityBands, BigDecimal demandShare) {
    public Throttle {
      priorityBands = Set.copyOf(priorityBands);
    }

    public Throttle(BigDecimal softShare, Set<String> priorityBands) {
      this(softShare, priorityBands, null);
    }

    /**
     * Whether an approval in {@code band} waits for the next day because demand outruns the budget:
     * the qualified demand of the last hour ({@code demandPerHour}, CNY) exceeds {@code
     * demandShare} of {@code remaining}, and the band is not a priority band.
     */
    public boolean defersForDemand(String band, BigDecimal demandPerHour, BigDecimal remaining) {
      if (demandShare == null || band == null || priorityBands.contains(band)) {
        return false;
      }
      return demandPerHour.compareTo(remaining.max(BigDecimal.ZERO).multiply(demandShare)) > 0;
    }
  }

  /** {@code id@vN}: the version recorded with each decision. */
  public String versionTag() {
    return id + "@v" + version;
  }

  /** The rules of one stage, in file order. */
  public List<Rule> rules(Stage stage) {
    List<Rule> out = new ArrayList<>();
    for (Rule r : rules) {
      if (r.stage() == stage) {
        out.add(r);
      }
    }
    return out;
  }

  /** Every variable the strategy reads (rules, segments, scorecard, adjustments), sorted. */
  public Set<String> variables() {
    Set<String> out = new java.util.TreeSet<>();
    rules.forEach(r -> out.addAll(r.condition().variables()));
    segments.forEach(
        s -> {
          if (s.condition() != null) {
            out.addAll(s.condition().variables());
          }
        });
    scorecard.characteristics().forEach(c -> out.add(c.feature()));
    pricing.adjustments().forEach(a -> out.addAll(a.condition().variables()));
    return out;
  }

  /** Every tag the strategy reads with {@code has_tag}. */
  public Set<String> tags() {
    Set<String> out = new LinkedHashSet<>();
    rules.forEach(r -> out.addAll(r.condition().tags()));
    segments.forEach(
        s -> {
          if (s.condition() != null) {
            out.addAll(s.condition().tags());
          }
        });
    pricing.adjustments().forEach(a -> out.addAll(a.condition().tags()));
    return out;
  }

  /** The band of {@code score}. */
  public Band band(int score) {
    for (Band b : bands) {
      if (score >= b.minScore()) {
        return b;
      }
    }
    return bands.get(bands.size() - 1);
  }
}
