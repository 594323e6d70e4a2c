package io.huaxiang.server.decision;

import io.huaxiang.core.decision.Stage;
import io.huaxiang.core.decision.Strategy;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.security.Actors;
import io.huaxiang.store.StoredStrategy;
import io.huaxiang.store.StrategyStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Strategies (策略) over HTTP: validate and upload YAML (refused with the place and reason when
 * invalid), keep every version, make one the product's champion or run one as challenger for a
 * share of users, and compare champion and challenger.
 */
@RestController
@RequestMapping(path = "/api/v1/strategies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "strategies", description = "Decision strategies / 决策策略")
class StrategyController {
  private final StrategyBook book;
  private final StrategyStore store;
  private final DecisionService decisions;
  private final AuditService audit;
  private final Clock clock;

  StrategyController(
      StrategyBook book,
      StrategyStore store,
      DecisionService decisions,
      AuditService audit,
      Clock clock) {
    this.book = book;
    this.store = store;
    this.decisions = decisions;
    this.audit = audit;
    this.clock = clock;
  }

  /** What a valid strategy contains. */
  record Summary(
      String id,
      int version,
      String product,
      String fingerprint,
      Map<Stage, Integer> rules,
      Set<String> variables,
      Set<String> tags,
      String model) {
    static Summary of(Strategy s) {
      Map<Stage, Integer> rules = new LinkedHashMap<>();
      for (Stage stage : Stage.values()) {
        rules.put(stage, s.rules(stage).size());
      }
      return new Summary(
          s.id(),
          s.version(),
          s.productId(),
          s.fingerprint(),
          rules,
          s.variables(),
          s.tags(),
          s.scorecard().versionTag());
    }
  }

  @Operation(summary = "Validate a strategy (YAML body) without storing it")
  @PostMapping(
      path = "/validate",
      consumes = {
        MediaType.TEXT_PLAIN_VALUE,
        "application/yaml",
        "application/x-yaml",
        "text/yaml"
      })
  Summary validate(@RequestBody String yaml) {
    return Summary.of(load(yaml));
  }

  @Operation(
      summary = "Upload a strategy version (YAML body); it is validated and kept as a candidate")
  @PostMapping(
      consumes = {
        MediaType.TEXT_PLAIN_VALUE,
        "application/yaml",
        "application/x-yaml",
        "text/yaml"
      })
  ResponseEntity<StoredStrategy> upload(@RequestBody String yaml) {
    Strategy s = load(yaml);
    String by = Actors.current();
    StoredStrategy stored;
    try {
      stored =
          store.upload(
              s.id(), s.version(), s.productId(), yaml, s.fingerprint(), by, clock.instant());
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          HttpStatus.CONFLICT, "VERSION_EXISTS", e.getMessage(), "该策略版本已存在且内容不同，请提高版本号");
    }
    audit.record(
        by,
        "STRATEGY_UPLOADED",
        "STRATEGY_GOVERNANCE",
        "",
        s.versionTag() + " sha256=" + s.fingerprint());
    return ResponseEntity.status(HttpStatus.CREATED).body(stored);
  }

  @Operation(summary = "Every version of every strategy, newest first")
  @GetMapping
  List<StoredStrategy> list() {
    return store.history();
  }

  @Operation(summary = "One stored version")
  @GetMapping("/{id}/versions/{version}")
  StoredStrategy get(@PathVariable String id, @PathVariable int version) {
    return store
        .find(id, version)
        .orElseThrow(() -> ApiException.notFound("strategy " + id + " v" + version, "策略"));
  }

  /** Champion, or challenger for a share of users. */
  record Activation(String role, BigDecimal share) {}

  @Operation(
      summary =
          "Make a version the product's champion (one active per product) or its challenger for a share of users")
  @PostMapping(
      path = "/{id}/versions/{version}/activate",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  StoredStrategy activate(
      @PathVariable String id,
      @PathVariable int version,
      @RequestBody(required = false) Activation activation) {
    StoredStrategy s = get(id, version);
    String role = activation == null || activation.role() == null ? "champion" : activation.role();
    BigDecimal share = null;
    if (role.equals("challenger")) {
      share = activation.share();
      if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) >= 0) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST,
            "INVALID_VALUE",
            "a challenger needs a share above 0 and below 1",
            "挑战者策略需要 0 到 1 之间的流量占比");
      }
    } else if (!role.equals("champion")) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "role is champion or challenger",
          "role 只能是 champion 或 challenger");
    }
    // re-check against today's caps: a strategy uploaded months ago may no longer be lawful
    load(s.source());
    String by = Actors.current();
    StoredStrategy activated = store.activate(id, version, share, by, clock.instant());
    book.refresh();
    audit.record(
        by,
        "STRATEGY_ACTIVATED",
        "STRATEGY_GOVERNANCE",
        "",
        id + "@v" + version + " role=" + role + (share == null ? "" : " share=" + share));
    return activated;
  }

  @Operation(summary = "Stop the product's challenger")
  @PostMapping("/challenger/{product}/stop")
  Map<String, String> stopChallenger(@PathVariable String product) {
    store.stopChallenger(product);
    book.refresh();
    audit.record(
        Actors.current(), "CHALLENGER_STOPPED", "STRATEGY_GOVERNANCE", "", "product=" + product);
    return Map.of("product", product, "challenger", "stopped");
  }

  /** How one strategy did on the applications both strategies decided. */
  record ArmReport(
      String strategy,
      long decisions,
      long acted,
      double approvalRate,
      double averageScore,
      long approvedActed,
      long bad,
      Double badRate) {}

  /** Champion against challenger. */
  record Comparison(
      String product,
      Instant from,
      Instant to,
      long applications,
      long agreements,
      List<ArmReport> arms) {}

  @Operation(
      summary =
          "Champion / challenger comparison: approval rate, average score and, for approvals acted on, the"
              + " bad rate (30+ days past due now)")
  @GetMapping("/report")
  Comparison report(
      @RequestParam String product,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Instant end = to == null ? clock.instant() : parse(to, "to");
    Instant start = from == null ? end.minusSeconds(30L * 86400) : parse(from, "from");
    return new ChampionChallengerReport(decisions).compare(product, start, end);
  }

  private static Instant parse(String value, String field) {
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (RuntimeException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          field + " must be a date (2026-11-23) or an instant",
          field + " 须为日期或时间");
    }
  }

  private Strategy load(String yaml) {
    if (yaml == null || yaml.isBlank()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "MISSING_FIELD",
          "send the strategy YAML as the body",
          "请在请求体中提供策略 YAML");
    }
    return book.loader().load(yaml, LocalDate.now(clock.withZone(book.policy().zone())));
  }
}
