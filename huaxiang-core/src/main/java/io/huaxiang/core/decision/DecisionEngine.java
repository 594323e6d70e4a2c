package io.huaxiang.core.decision;

import io.huaxiang.core.expr.ArrayBindings;
import io.huaxiang.core.expr.Schema;
import io.huaxiang.core.lending.TotalCostDisclosure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides loan applications with one strategy: a pure function of the application and its input
 * snapshot, so the same inputs always give the same decision (replay). Thread-safe.
 *
 * <p>Stages run in order. Pre-checks (consent, age, residency, lists) and fraud rules are all
 * evaluated and every outcome kept; a decline or review there skips scoring. The score stage adds
 * rule points to the scorecard and compares the total with its segment's cut-offs. The line is the
 * income multiple of the risk band, within the product's range, the debt-to-income limit and the
 * per-borrower cap. The price is the band's rate plus adjustments within the product's range, and
 * an offer whose true APR exceeds the cap is never approved. Throttling happens after the engine,
 * against the funding budget ({@link Decision#funded}). If a dependency was down the engine fails
 * closed: review instead of approve.
 */
public final class DecisionEngine {
  private static final int MAX_PRINCIPAL_REASONS = 4;
  private static final String BUREAU_PREFIX = "bureau_";

  private final Strategy strategy;
  private final Product product;
  private final LendingPolicy policy;
  private final Schema schema;
  private final int[] bureauSlots;
  private final Map<PriceKey, Priced> prices = new ConcurrentHashMap<>();
  private static final int MAX_PRICES = 100_000;

  public DecisionEngine(Strategy strategy, ProductCatalogue products, LendingPolicy policy) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.product =
        products
            .find(strategy.productId())
            .orElseThrow(() -> new IllegalArgumentException("no product " + strategy.productId()));
    this.policy = Objects.requireNonNull(policy, "policy");
    this.schema = strategy.schema();
    this.bureauSlots =
        schema.variables().stream()
            .filter(
                v ->
                    v.name().startsWith(BUREAU_PREFIX)
                        || v.name().equals("days_since_bureau_report"))
            .mapToInt(Schema.Variable::slot)
            .toArray();
  }

  public Strategy strategy() {
    return strategy;
  }

  public Product product() {
    return product;
  }

  /** Decides {@code app} on {@code in}; an approval still needs {@link Decision#funded}. */
  public Decision decide(LoanApplication app, DecisionInputs in) {
    Run run = new Run(app, in);
    return run.decide();
  }

  /** One decision's working state. */
  private final class Run {
    final LoanApplication app;
    final DecisionInputs in;
    final ArrayBindings b;
    final List<RuleOutcome> outcomes = new ArrayList<>();
    final List<Reason> reasons = new ArrayList<>();
    final List<Reason> blocking = new ArrayList<>();
    boolean decline;
    boolean review;
    int points;

    Run(LoanApplication app, DecisionInputs in) {
      this.app = app;
      this.in = in;
      this.b = bind(app, in);
    }

    Decision decide() {
      if (!Boolean.TRUE.equals(in.features().get("consent_credit_assessment"))) {
        // PIPL: no credit assessment without consent for it; nothing else is evaluated
        Reason r =
            new Reason(
                "CONSENT_MISSING",
                Stage.PRE_CHECK,
                "未获得用户的信用评估授权，不能进行授信评估",
                "the applicant has not consented to credit assessment, so no assessment was made",
                "consent_credit_assessment");
        outcomes.add(
            new RuleOutcome(
                Stage.PRE_CHECK,
                "consent_credit_assessment",
                RuleOutcome.FIRED,
                "decline",
                "consent missing or withdrawn"));
        return finish(
            Outcome.DECLINE,
            List.of(r),
            List.of(r),
            null,
            null,
            null,
            null,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            null);
      }
      preChecks();
      runRules(Stage.PRE_CHECK);
      runRules(Stage.FRAUD);
      if (!in.unavailable().isEmpty()) {
        Reason r =
            Reason.of(
                "DEPENDENCY_UNAVAILABLE",
                Stage.PRE_CHECK,
                "决策所需的数据暂不可用（" + names(true) + "），转人工审核",
                "data the decision needs is unavailable ("
                    + names(false)
                    + "); referred to review");
        flag(Stage.PRE_CHECK, "fail_closed", true, "review", r);
      }
      if (decline || review) {
        skipFrom(Stage.SCORE);
        Outcome o = decline ? Outcome.DECLINE : Outcome.REVIEW;
        return finish(
            o,
            reasons,
            principal(List.of()),
            null,
            null,
            null,
            null,
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            null);
      }
      return scoreAndPrice();
    }

    private void preChecks() {
      Strategy.PreCheck pc = strategy.preCheck();
      boolean young = app.age() < pc.minAge();
      boolean old = app.age() > pc.maxAge();
      flag(
          Stage.PRE_CHECK,
          "age_policy",
          young || old,
          "decline",
          new Reason(
              "AGE_POLICY",
              Stage.PRE_CHECK,
              "申请人年龄 " + app.age() + " 岁不在本产品准入范围 " + pc.minAge() + "–" + pc.maxAge() + " 岁内",
              "applicant age "
                  + app.age()
                  + " is outside the product's "
                  + pc.minAge()
                  + "–"
                  + pc.maxAge(),
              "application.age"));
      boolean excluded = false;
      for (String prefix : pc.excludedRegions()) {
        excluded |= app.idRegion() != null && app.idRegion().startsWith(prefix);
      }
      flag(
          Stage.PRE_CHECK,
          "residency_policy",
          excluded,
          "decline",
          new Reason(
              "RESIDENCY_POLICY",
              Stage.PRE_CHECK,
              "申请人户籍地区暂不在本产品服务范围内",
              "the applicant's region of residence is not served by this product",
              "application.id_region"));
    }

    private void flag(Stage stage, String id, boolean fired, String action, Reason r) {
      outcomes.add(
          new RuleOutcome(
              stage, id, fired ? RuleOutcome.FIRED : RuleOutcome.NOT_FIRED, action, ""));
      if (fired) {
        reasons.add(r);
        blocking.add(r);
        if (action.equals("decline")) {
          decline = true;
        } else {
          review = true;
        }
      }
    }

    private void runRules(Stage stage) {
      for (Rule rule : strategy.rules(stage)) {
        Boolean truth = rule.condition().truth(b);
        String result =
            truth == null ? RuleOutcome.UNKNOWN : truth ? RuleOutcome.FIRED : RuleOutcome.NOT_FIRED;
        outcomes.add(new RuleOutcome(stage, rule.id(), result, rule.describe(), ""));
        if (!Boolean.TRUE.equals(truth)) {
          continue;
        }
        switch (rule.action()) {
          case DECLINE -> {
            decline = true;
            reasons.add(rule.reason());
            blocking.add(rule.reason());
          }
          case REVIEW -> {
            review = true;
            reasons.add(rule.reason());
            blocking.add(rule.reason());
          }
          case POINTS -> {
            points += rule.points();
            if (rule.points() < 0) {
              reasons.add(rule.reason());
            }
          }
          case FLAG -> reasons.add(rule.reason());
        }
      }
    }

    private void skipFrom(Stage first) {
      for (Rule rule : strategy.rules()) {
        if (rule.stage().compareTo(first) >= 0) {
          outcomes.add(
              new RuleOutcome(rule.stage(), rule.id(), RuleOutcome.SKIPPED, rule.describe(), ""));
        }
      }
    }

    private Decision scoreAndPrice() {
      runRules(Stage.SCORE);
      Scorecard.Result card = strategy.scorecard().score(b, MAX_PRINCIPAL_REASONS);
      int score = card.points() + points;
      double pd = strategy.scorecard().pd(score);
      Strategy.Band band = strategy.band(score);
      Strategy.Segment segment = segmentOf();
      b.setNumber(schema.slot("model.score"), score)
          .setNumber(schema.slot("model.pd"), pd)
          .setText(schema.slot("score.band"), band.name())
          .setText(schema.slot("score.segment"), segment.id());
      String cut = "score " + score + ", segment " + segment.id();
      if (score < segment.declineBelow()) {
        Reason r =
            Reason.of(
                "SCORE_BELOW_CUTOFF",
                Stage.SCORE,
                "综合评分 " + score + " 低于准入线 " + segment.declineBelow(),
                "score " + score + " is below the cut-off " + segment.declineBelow());
        outcomes.add(
            new RuleOutcome(
                Stage.SCORE,
                "cutoff_decline",
                RuleOutcome.FIRED,
                "decline",
                cut + " < " + segment.declineBelow()));
        reasons.add(r);
        reasons.addAll(card.reasons());
        skipFrom(Stage.LIMIT);
        return finish(
            Outcome.DECLINE,
            reasons,
            principal(card.reasons()),
            score,
            pd,
            band.name(),
            segment.id(),
            BigDecimal.ZERO,
            BigDecimal.ZERO,
            null);
      }
      outcomes.add(
          new RuleOutcome(Stage.SCORE, "cutoff_decline", RuleOutcome.NOT_FIRED, "decline", cut));
      boolean refer = score < segment.reviewBelow();
      outcomes.add(
          new RuleOutcome(
              Stage.SCORE,
              "cutoff_review",
              refer ? RuleOutcome.FIRED : RuleOutcome.NOT_FIRED,
              "review",
              cut + " vs " + segment.reviewBelow()));
      if (refer) {
        Reason r =
            Reason.of(
                "SCORE_IN_REVIEW_BAND",
                Stage.SCORE,
                "综合评分 " + score + " 处于人工审核区间（低于 " + segment.reviewBelow() + "）",
                "score " + score + " is in the review band (below " + segment.reviewBelow() + ")");
        reasons.add(r);
        blocking.add(r);
        review = true;
      }
      reasons.addAll(card.reasons());

      BigDecimal rate = rateFor(band);
      BigDecimal line = lineFor(band, rate);
      BigDecimal approved = app.amount().min(line);
      if (approved.compareTo(product.minAmount()) < 0) {
        boolean capped = in.committed().add(product.minAmount()).compareTo(borrowerCap(in)) > 0;
        Reason r =
            new Reason(
                capped ? "BORROWER_CAP_REACHED" : "LINE_BELOW_MINIMUM",
                Stage.LIMIT,
                capped
                    ? "您在本平台的授信总额已达上限 " + borrowerCap(in) + " 元"
                    : "可批额度 " + line + " 元低于产品最低借款金额 " + product.minAmount() + " 元",
                capped
                    ? "the borrower's total credit is at the cap of CNY " + borrowerCap(in)
                    : "the line of CNY "
                        + line
                        + " is below the product minimum of CNY "
                        + product.minAmount(),
                capped ? "line.committed" : "application.monthly_income");
        outcomes.add(
            new RuleOutcome(
                Stage.LIMIT, "line_minimum", RuleOutcome.FIRED, "decline", "line " + line));
        reasons.add(r);
        skipFrom(Stage.PRICING);
        return finish(
            Outcome.DECLINE,
            reasons,
            principal(card.reasons(), r),
            score,
            pd,
            band.name(),
            segment.id(),
            BigDecimal.ZERO,
            line,
            null);
      }
      outcomes.add(
          new RuleOutcome(
              Stage.LIMIT, "line_minimum", RuleOutcome.NOT_FIRED, "decline", "line " + line));
      if (approved.compareTo(app.amount()) < 0) {
        reasons.add(
            new Reason(
                "AMOUNT_REDUCED_TO_LINE",
                Stage.LIMIT,
                "申请金额超过可批额度，按额度 " + approved + " 元批核",
                "the amount asked for exceeds the line; CNY " + approved + " is offered",
                "application.amount"));
      }

      Priced priced = price(approved, app.termMonths(), rate);
      PricedTerm offer = priced.term();
      BigDecimal cap = aprCap(in);
      boolean aboveCap = offer.aprPercent().compareTo(cap) > 0;
      outcomes.add(
          new RuleOutcome(
              Stage.PRICING,
              "apr_cap",
              aboveCap ? RuleOutcome.FIRED : RuleOutcome.NOT_FIRED,
              "review",
              "APR " + offer.aprPercent() + "% vs cap " + cap + "%"));
      if (aboveCap) {
        // the cap fell since the strategy was published (e.g. a lower LPR): never lend above it
        Reason r =
            Reason.of(
                "APR_ABOVE_CAP",
                Stage.PRICING,
                "报价年化利率 " + offer.aprPercent() + "% 超过当日上限 " + cap + "%，转人工定价",
                "the offer's APR of "
                    + offer.aprPercent()
                    + "% exceeds the cap of "
                    + cap
                    + "% today; referred for pricing");
        reasons.add(r);
        blocking.add(r);
        review = true;
      }
      List<PricedTerm> options = new ArrayList<>();
      for (int months : product.terms()) {
        PricedTerm t = months == app.termMonths() ? offer : price(approved, months, rate).term();
        if (t.aprPercent().compareTo(cap) <= 0) {
          options.add(t);
        }
      }
      Outcome o = review ? Outcome.REVIEW : Outcome.APPROVE;
      List<Reason> principal = review ? principal(card.reasons()) : principal(card.reasons());
      Decision d =
          new Decision(
              app.requestId(),
              app.userId(),
              app.productId(),
              o,
              app.amount(),
              o == Outcome.APPROVE ? approved : BigDecimal.ZERO,
              line,
              offer,
              options,
              priced.zh(),
              priced.en(),
              score,
              pd,
              band.name(),
              segment.id(),
              reasons,
              principal,
              outcomes,
              true,
              strategy.versionTag(),
              strategy.scorecard().versionTag(),
              Funding.notNeeded(),
              null,
              in.decidedAt());
      return d;
    }

    private Strategy.Segment segmentOf() {
      for (Strategy.Segment s : strategy.segments()) {
        if (s.condition() == null || s.condition().test(b)) {
          return s;
        }
      }
      throw new IllegalStateException("the last segment matches everyone");
    }

    private BigDecimal rateFor(Strategy.Band band) {
      BigDecimal rate = strategy.pricing().ratePercentByBand().get(band.name());
      for (Strategy.Adjustment a : strategy.pricing().adjustments()) {
        boolean fired = a.condition().test(b);
        outcomes.add(
            new RuleOutcome(
                Stage.PRICING,
                a.id(),
                fired ? RuleOutcome.FIRED : RuleOutcome.NOT_FIRED,
                "apr " + a.deltaPercent().toPlainString(),
                ""));
        if (fired) {
          rate = rate.add(a.deltaPercent());
        }
      }
      return rate.max(product.aprMinPercent()).min(product.aprMaxPercent());
    }

    private BigDecimal lineFor(Strategy.Band band, BigDecimal ratePercent) {
      Strategy.Limit lim = strategy.limit();
      BigDecimal income = app.monthlyIncome();
      BigDecimal byIncome = income.multiply(lim.incomeMultiple().get(band.name()));
      // instalments of all debt within max_dti of income: existing debt is repaid over 12 months
      BigDecimal existing = number("outstanding_balance").add(number("bureau_outstanding_debt"));
      BigDecimal room =
          income
              .multiply(lim.maxDti())
              .subtract(existing.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP));
      BigDecimal byDti =
          room.signum() <= 0 ? BigDecimal.ZERO : principalFor(room, ratePercent, app.termMonths());
      BigDecimal byBorrower = borrowerCap(in).subtract(in.committed()).max(BigDecimal.ZERO);
      BigDecimal line = byIncome.min(byDti).min(byBorrower).min(product.maxAmount());
      line = line.divide(lim.roundTo(), 0, RoundingMode.FLOOR).multiply(lim.roundTo());
      outcomes.add(
          new RuleOutcome(
              Stage.LIMIT,
              "line",
              RuleOutcome.NOT_FIRED,
              "limit",
              "income x"
                  + lim.incomeMultiple().get(band.name()).toPlainString()
                  + " = "
                  + byIncome.setScale(0, RoundingMode.FLOOR)
                  + ", dti "
                  + byDti.setScale(0, RoundingMode.FLOOR)
                  + ", borrower room "
                  + byBorrower.setScale(0, RoundingMode.FLOOR)
                  + ", product max "
                  + product.maxAmount().toPlainString()));
      return line.max(BigDecimal.ZERO);
    }

    private BigDecimal number(String feature) {
      int slot = schema.slot(feature);
      double v = slot < 0 ? Double.NaN : b.number(slot);
      return v != v ? BigDecimal.ZERO : BigDecimal.valueOf(v);
    }

    private List<Reason> principal(List<Reason> scoreReasons, Reason... more) {
      List<Reason> out = new ArrayList<>();
      for (Reason r : blocking) {
        if (out.size() < MAX_PRINCIPAL_REASONS) {
          out.add(r);
        }
      }
      for (Reason r : more) {
        if (out.size() < MAX_PRINCIPAL_REASONS) {
          out.add(r);
        }
      }
      for (Reason r : scoreReasons) {
        if (out.size() < MAX_PRINCIPAL_REASONS) {
          out.add(r);
        }
      }
      if (out.isEmpty()) {
        // every automated decision names at least one reason, even when nothing counted against it
        out.add(
            Reason.of(
                "ALL_FACTORS_FAVOURABLE",
                Stage.SCORE,
                "各项评分因素均处于最佳区间",
                "every score factor is in its best range"));
      }
      return out;
    }

    private Decision finish(
        Outcome o,
        List<Reason> rs,
        List<Reason> principal,
        Integer score,
        Double pd,
        String band,
        String segment,
        BigDecimal approved,
        BigDecimal line,
        PricedTerm offer) {
      return new Decision(
          app.requestId(),
          app.userId(),
          app.productId(),
          o,
          app.amount(),
          approved,
          line,
          offer,
          List.of(),
          null,
          null,
          score,
          pd,
          band,
          segment,
          rs,
          principal,
          outcomes,
          true,
          strategy.versionTag(),
          strategy.scorecard().versionTag(),
          Funding.notNeeded(),
          null,
          in.decidedAt());
    }

    private String names(boolean zh) {
      List<String> out = new ArrayList<>();
      in.unavailable().forEach(d -> out.add(zh ? d.zh() : d.en()));
      return String.join(zh ? "、" : ", ", out);
    }
  }

  /** A priced term with its disclosure texts. */
  private record Priced(PricedTerm term, String zh, String en) {}

  /** What a price is a pure function of, for the memo. */
  private record PriceKey(BigDecimal amount, int months, BigDecimal ratePercent) {}

  /**
   * The price of {@code amount} over {@code months} at {@code ratePercent}: a schedule in
   * BigDecimal, an IRR and two texts cost far more than the rest of a decision, and applicants ask
   * for round amounts, so prices are memoised (bounded; a pure function, so replay is unaffected).
   */
  private Priced price(BigDecimal amount, int months, BigDecimal ratePercent) {
    // exact keys (BigDecimal equality sees the scale), so a hit returns exactly what a miss would
    PriceKey key = new PriceKey(amount, months, ratePercent);
    Priced p = prices.get(key);
    if (p == null) {
      TotalCostDisclosure d = OfferPricing.disclose(product, amount, months, ratePercent);
      p = new Priced(OfferPricing.summary(d, ratePercent), d.zh(), d.en());
      if (prices.size() >= MAX_PRICES) {
        prices.clear();
      }
      prices.put(key, p);
    }
    return p;
  }

  /** The per-borrower cap recorded with the inputs, else the policy's. */
  private BigDecimal borrowerCap(DecisionInputs in) {
    return in.borrowerCap() != null ? in.borrowerCap() : policy.borrowerCap();
  }

  /** The product's APR cap on the decision day, as recorded with the inputs or computed. */
  public BigDecimal aprCap(DecisionInputs in) {
    if (in.aprCapPercent() != null) {
      return in.aprCapPercent();
    }
    LocalDate day = ZonedDateTime.ofInstant(in.decidedAt(), policy.zone()).toLocalDate();
    return policy.capPercentOn(product.cap(), day);
  }

  /** {@code in} with the caps in force now recorded in it, as stored decisions keep them. */
  public DecisionInputs withCaps(DecisionInputs in) {
    return in.withCaps(borrowerCap(in), aprCap(in));
  }

  /** The bindings of one decision: features, application fields, counts, list hits. */
  private ArrayBindings bind(LoanApplication app, DecisionInputs in) {
    ArrayBindings b = new ArrayBindings(schema);
    for (Map.Entry<String, Object> e : in.features().entrySet()) {
      int slot = schema.slot(e.getKey());
      if (slot >= 0 && slot < schema.size()) {
        b.set(e.getKey(), e.getValue());
      }
    }
    if (!Boolean.TRUE.equals(in.features().get("consent_credit_bureau_query"))) {
      // no bureau data is used without consent to query the bureau
      for (int slot : bureauSlots) {
        b.setMissing(slot);
      }
    }
    b.setTags(in.tags());
    ZonedDateTime local = ZonedDateTime.ofInstant(in.decidedAt(), policy.zone());
    b.set("application.amount", app.amount())
        .set("application.term_months", app.termMonths())
        .set("application.monthly_income", app.monthlyIncome())
        .set("application.age", app.age())
        .set("application.hour", local.getHour())
        .set("application.weekday", local.getDayOfWeek().getValue())
        .set("application.purpose", app.purpose().toString())
        .set("application.city", app.city())
        .set("application.channel", app.channel())
        .set("application.id_region", app.idRegion())
        .set("application.product", app.productId())
        .set("line.committed", in.committed());
    for (String v : Velocity.variables()) {
      Long n = in.velocity().get(v);
      b.set(v, n == null ? 0L : n);
    }
    for (ListKind k : ListKind.values()) {
      b.setBool(schema.slot(k.variable()), in.listHits().contains(k));
    }
    return b;
  }

  /** The principal an instalment of {@code payment} a month repays over {@code months}. */
  static BigDecimal principalFor(BigDecimal payment, BigDecimal ratePercent, int months) {
    double r = ratePercent.doubleValue() / 1200;
    double factor = r == 0 ? months : (1 - Math.pow(1 + r, -months)) / r;
    return BigDecimal.valueOf(payment.doubleValue() * factor).setScale(2, RoundingMode.FLOOR);
  }
}
