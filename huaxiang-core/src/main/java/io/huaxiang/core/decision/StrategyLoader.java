package io.huaxiang.core.decision;

import io.huaxiang.core.expr.CompiledExpression;
import io.huaxiang.core.expr.Schema;
import io.huaxiang.core.expr.ValueType;
import io.huaxiang.core.profile.FeatureCatalogue;
import io.huaxiang.core.profile.FeatureDefinition;
import io.huaxiang.core.tag.PortraitSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a strategy from YAML and refuses it, with the place and a clear message in both languages,
 * when a rule names an unknown feature, mixes types, reads a model output before the score stage,
 * reads a forbidden feature (e.g. gender), or when any band's price can exceed the product's APR
 * cap on the load date. See {@code docs/decisioning.md} for the format.
 */
public final class StrategyLoader {
  private final FeatureCatalogue features;
  private final Schema schema;
  private final ProductCatalogue products;
  private final LendingPolicy policy;

  public StrategyLoader(
      FeatureCatalogue features, ProductCatalogue products, LendingPolicy policy) {
    this.features = features;
    this.schema = DecisionSchema.over(new PortraitSchema(features).schema());
    this.products = products;
    this.policy = policy;
  }

  /** The sample strategy shipped with Huaxiang ({@code strategy-consumption.yaml}). */
  public Strategy sample(LocalDate loadOn) {
    return load(ProductCatalogue.resource("strategy-consumption.yaml"), loadOn);
  }

  public Schema schema() {
    return schema;
  }

  /**
   * Loads and validates a strategy.
   *
   * @param loadOn the day it is loaded (published): APR caps are checked on this date
   * @throws DefinitionException naming the place and the problem
   */
  public Strategy load(String yaml, LocalDate loadOn) {
    Spec root =
        Spec.parse(yaml, "strategy")
            .only(
                "id",
                "version",
                "product",
                "description_zh",
                "description_en",
                "pre_check",
                "fraud",
                "score",
                "limit",
                "pricing",
                "throttle");
    String id = root.text("id");
    if (!id.matches("[a-z][a-z0-9_]{0,59}")) {
      throw root.invalid("id", "must be lower_snake_case", "必须为小写下划线形式");
    }
    int version = root.integer("version");
    if (version < 1) {
      throw root.invalid("version", "must be 1 or more", "必须大于等于1");
    }
    String productId = root.text("product");
    Product product =
        products
            .find(productId)
            .orElseThrow(
                () ->
                    root.invalid(
                        "product",
                        "unknown product '"
                            + productId
                            + "'; the catalogue has "
                            + products.products().stream().map(Product::id).toList(),
                        "产品目录中没有 '" + productId + "'"));
    Set<String> ruleIds = new HashSet<>();
    List<Rule> rules = new ArrayList<>();

    Spec pre = root.object("pre_check").only("min_age", "max_age", "excluded_regions", "rules");
    int minAge = pre.integer("min_age");
    int maxAge = pre.integer("max_age");
    if (minAge < 18 || maxAge < minAge) {
      throw pre.invalid(
          "min_age",
          "need 18 <= min_age <= max_age (no loans to minors)",
          "须满足 18 <= 最低年龄 <= 最高年龄");
    }
    rules.addAll(rules(pre, Stage.PRE_CHECK, ruleIds));
    Spec fraud = root.object("fraud").only("rules");
    rules.addAll(rules(fraud, Stage.FRAUD, ruleIds));

    Spec score = root.object("score").only("scorecard", "rules", "segments", "bands");
    rules.addAll(rules(score, Stage.SCORE, ruleIds));
    Scorecard card = scorecard(score.object("scorecard"));
    List<Strategy.Band> bands = bands(score);
    List<Strategy.Segment> segments = segments(score);

    Spec lim = root.object("limit").only("income_multiple", "max_dti", "round_to");
    Map<String, BigDecimal> multiple = byBand(lim, "income_multiple", bands);
    BigDecimal maxDti = lim.number("max_dti");
    if (maxDti.signum() <= 0 || maxDti.compareTo(BigDecimal.ONE) > 0) {
      throw lim.invalid("max_dti", "must be above 0 and at most 1", "必须大于0且不超过1");
    }
    BigDecimal roundTo = lim.number("round_to", BigDecimal.valueOf(100));
    if (roundTo.signum() <= 0) {
      throw lim.invalid("round_to", "must be positive", "必须为正数");
    }

    Spec price = root.object("pricing").only("apr_by_band", "adjustments");
    Map<String, BigDecimal> rates = byBand(price, "apr_by_band", bands);
    List<Strategy.Adjustment> adjustments = new ArrayList<>();
    BigDecimal worstDelta = BigDecimal.ZERO;
    for (Spec a : price.list("adjustments")) {
      a.only("id", "when", "apr_delta");
      CompiledExpression when = condition(a, "when", Stage.PRICING);
      BigDecimal delta = a.number("apr_delta");
      adjustments.add(new Strategy.Adjustment(a.text("id"), when, delta));
      if (delta.signum() > 0) {
        worstDelta = worstDelta.add(delta);
      }
    }
    // the dearest price any applicant can get in each band must be within the cap on every term
    for (Strategy.Band b : bands) {
      BigDecimal worst = rates.get(b.name()).add(worstDelta);
      for (int months : product.terms()) {
        ProductCatalogue.checkCap(
            product,
            policy,
            product.maxAmount(),
            months,
            worst,
            loadOn,
            price.at("apr_by_band." + b.name()));
      }
    }

    Strategy.Throttle throttle = new Strategy.Throttle(BigDecimal.ONE, Set.of());
    if (root.has("throttle")) {
      Spec t = root.object("throttle").only("soft_share", "priority_bands", "demand_share");
      BigDecimal share = t.number("soft_share", BigDecimal.ONE);
      if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
        throw t.invalid("soft_share", "must be above 0 and at most 1", "必须大于0且不超过1");
      }
      Set<String> priority = new HashSet<>(t.texts("priority_bands"));
      for (String band : priority) {
        if (bands.stream().noneMatch(b -> b.name().equals(band))) {
          throw t.invalid(
              "priority_bands", "unknown band '" + band + "'", "未知的风险等级 '" + band + "'");
        }
      }
      BigDecimal demand = t.has("demand_share") ? t.number("demand_share", null) : null;
      if (demand != null && (demand.signum() <= 0 || demand.compareTo(BigDecimal.ONE) > 0)) {
        throw t.invalid("demand_share", "must be above 0 and at most 1", "必须大于0且不超过1");
      }
      throttle = new Strategy.Throttle(share, priority, demand);
    }
    return new Strategy(
        id,
        version,
        productId,
        root.text("description_zh", ""),
        root.text("description_en", ""),
        schema,
        new Strategy.PreCheck(minAge, maxAge, pre.texts("excluded_regions")),
        rules,
        card,
        segments,
        bands,
        new Strategy.Limit(multiple, maxDti, roundTo),
        new Strategy.Pricing(rates, adjustments),
        throttle,
        yaml,
        sha256(yaml));
  }

  private List<Rule> rules(Spec stage, Stage which, Set<String> ids) {
    List<Rule> out = new ArrayList<>();
    for (Spec r : stage.list("rules")) {
      r.only("id", "when", "action", "points", "code", "zh", "en");
      String id = r.text("id");
      if (!ids.add(id)) {
        throw r.invalid("id", "rule '" + id + "' is declared twice", "规则 '" + id + "' 重复声明");
      }
      CompiledExpression when = condition(r, "when", which);
      Rule.Action action = ProductCatalogue.enumOf(Rule.Action.class, r, "action");
      int points = 0;
      if (action == Rule.Action.POINTS) {
        points = r.integer("points");
      } else if (r.has("points")) {
        throw r.invalid(
            "points", "points go with action: points only", "只有 action: points 的规则可以设置 points");
      }
      if (action == Rule.Action.POINTS && which.compareTo(Stage.SCORE) > 0) {
        throw r.invalid("action", "points rules run before the score is known", "加减分规则须在评分阶段及之前");
      }
      String feature = when.variables().isEmpty() ? null : when.variables().iterator().next();
      out.add(
          new Rule(
              id,
              which,
              when,
              action,
              points,
              new Reason(r.text("code"), which, r.text("zh"), r.text("en"), feature)));
    }
    return out;
  }

  private CompiledExpression condition(Spec s, String field, Stage stage) {
    CompiledExpression e = ProductCatalogue.compile(s, field, schema);
    for (String v : e.variables()) {
      if (policy.forbiddenFeatures().contains(v)) {
        throw new DefinitionException(
            "FORBIDDEN_FEATURE",
            s.at(field),
            "'"
                + v
                + "' may never be used in lending decisions or pricing (declared forbidden: "
                + String.join(", ", new java.util.TreeSet<>(policy.forbiddenFeatures()))
                + ")",
            "'" + v + "' 不得用于信贷决策或定价（已声明为禁用特征）");
      }
      if (stage.compareTo(Stage.SCORE) <= 0 && DecisionSchema.AFTER_SCORE.contains(v)) {
        throw new DefinitionException(
            "TYPE_ERROR",
            s.at(field),
            "'" + v + "' is only known after the score stage; use it in limit or pricing",
            "'" + v + "' 在评分阶段之后才有值，只能在额度或定价阶段使用");
      }
    }
    return e;
  }

  private Scorecard scorecard(Spec s) {
    s.only("id", "version", "base_points", "base_odds", "pdo", "characteristics");
    List<Scorecard.Characteristic> cs = new ArrayList<>();
    for (Spec c : s.list("characteristics")) {
      c.only("feature", "missing", "bins");
      String name = c.text("feature");
      Schema.Variable v =
          schema
              .find(name)
              .orElseThrow(
                  () ->
                      new DefinitionException(
                          "UNKNOWN_FEATURE",
                          c.at("feature"),
                          "unknown feature '" + name + "'",
                          "未知特征 '" + name + "'"));
      if (v.type() != ValueType.NUMBER) {
        throw new DefinitionException(
            "TYPE_ERROR",
            c.at("feature"),
            "'" + name + "' is " + v.type().displayName() + "; scorecard bins need a number",
            "'" + name + "' 是" + v.type().displayNameZh() + "，评分卡分箱需要数值特征");
      }
      if (policy.forbiddenFeatures().contains(name)) {
        throw new DefinitionException(
            "FORBIDDEN_FEATURE",
            c.at("feature"),
            "'" + name + "' may never be used",
            "'" + name + "' 为禁用特征");
      }
      if (DecisionSchema.AFTER_SCORE.contains(name)) {
        throw c.invalid("feature", "a scorecard cannot read its own output", "评分卡不能读取自身输出");
      }
      List<Scorecard.Bin> bins = new ArrayList<>();
      List<Spec> binSpecs = c.list("bins");
      for (int i = 0; i < binSpecs.size(); i++) {
        Spec b = binSpecs.get(i).only("below", "points");
        boolean last = i == binSpecs.size() - 1;
        if (last == b.has("below")) {
          throw b.invalid(
              "below",
              last
                  ? "the last bin takes every larger value: leave out 'below'"
                  : "every bin but the last needs 'below'",
              last ? "最后一个分箱不设 below" : "除最后一个分箱外都需要 below");
        }
        double below = last ? Double.POSITIVE_INFINITY : b.number("below").doubleValue();
        if (!bins.isEmpty() && below <= bins.get(bins.size() - 1).below()) {
          throw b.invalid("below", "bins must be in increasing order", "分箱须按升序排列");
        }
        bins.add(new Scorecard.Bin(below, b.integer("points")));
      }
      if (bins.isEmpty()) {
        throw c.invalid("bins", "at least one bin is needed", "至少需要一个分箱");
      }
      FeatureDefinition d = features.definition(name).orElse(null);
      cs.add(
          new Scorecard.Characteristic(
              name,
              v.slot(),
              d == null ? name : d.labelZh(),
              d == null ? name : d.labelEn(),
              bins,
              c.has("missing") ? c.integer("missing") : 0));
    }
    if (cs.isEmpty()) {
      throw s.invalid(
          "characteristics", "a scorecard needs at least one characteristic", "评分卡至少需要一个特征");
    }
    double pdo = s.number("pdo").doubleValue();
    double odds = s.number("base_odds").doubleValue();
    if (pdo <= 0 || odds <= 0) {
      throw s.invalid("pdo", "pdo and base_odds must be positive", "pdo 与 base_odds 必须为正");
    }
    return new Scorecard(
        s.text("id"), s.integer("version"), s.integer("base_points"), odds, pdo, cs);
  }

  private List<Strategy.Band> bands(Spec score) {
    List<Strategy.Band> out = new ArrayList<>();
    List<Spec> specs = score.list("bands");
    for (int i = 0; i < specs.size(); i++) {
      Spec b = specs.get(i).only("band", "min_score");
      boolean last = i == specs.size() - 1;
      if (last == b.has("min_score")) {
        throw b.invalid(
            "min_score",
            last
                ? "the last band takes every lower score: leave out min_score"
                : "every band but the last needs min_score",
            last ? "最后一个等级不设 min_score" : "除最后一个等级外都需要 min_score");
      }
      int min = last ? Integer.MIN_VALUE : b.integer("min_score");
      if (!out.isEmpty() && min >= out.get(out.size() - 1).minScore()) {
        throw b.invalid(
            "min_score", "bands go from the best (highest min_score) down", "等级须按最低分从高到低排列");
      }
      out.add(new Strategy.Band(b.text("band"), min));
    }
    if (out.isEmpty()) {
      throw score.invalid("bands", "at least one band is needed", "至少需要一个风险等级");
    }
    return out;
  }

  private List<Strategy.Segment> segments(Spec score) {
    List<Strategy.Segment> out = new ArrayList<>();
    List<Spec> specs = score.list("segments");
    for (Spec s : specs) {
      s.only("id", "when", "decline_below", "review_below");
      CompiledExpression when = s.has("when") ? condition(s, "when", Stage.SCORE) : null;
      int decline = s.integer("decline_below");
      int review = s.integer("review_below");
      if (review < decline) {
        throw s.invalid(
            "review_below",
            "review_below must be at least decline_below",
            "review_below 不得低于 decline_below");
      }
      out.add(new Strategy.Segment(s.text("id"), when, decline, review));
    }
    if (out.isEmpty() || out.get(out.size() - 1).condition() != null) {
      throw score.invalid(
          "segments",
          "the last segment must have no 'when', so every applicant gets cut-offs",
          "最后一个客群不设 when，以保证每个申请人都有评分线");
    }
    return out;
  }

  private static Map<String, BigDecimal> byBand(Spec s, String field, List<Strategy.Band> bands) {
    Map<String, BigDecimal> values = s.numbers(field);
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (Strategy.Band b : bands) {
      BigDecimal v = values.get(b.name());
      if (v == null) {
        throw s.invalid(field, "no value for band " + b.name(), "缺少风险等级 " + b.name() + " 的取值");
      }
      if (v.signum() < 0) {
        throw s.invalid(field + "." + b.name(), "cannot be negative", "不能为负");
      }
      out.put(b.name(), v);
    }
    for (String k : values.keySet()) {
      if (!out.containsKey(k)) {
        throw s.invalid(field + "." + k, "unknown band '" + k + "'", "未知的风险等级 '" + k + "'");
      }
    }
    return out;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
