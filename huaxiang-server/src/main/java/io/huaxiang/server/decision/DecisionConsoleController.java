package io.huaxiang.server.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.decision.ApplicationForm;
import io.huaxiang.core.decision.Decision;
import io.huaxiang.core.decision.DecisionEngine;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.security.Actors;
import io.huaxiang.store.Database;
import io.huaxiang.store.DecisionStore;
import io.huaxiang.store.StrategyStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the console's decisioning page reads beyond the decision API: the live decision stream, a
 * try-out of one application against a strategy version that acts on nothing, and what-if results
 * of a stored strategy version over past applications.
 */
@RestController
@Tag(name = "decisions", description = "Loan decisioning / 贷款决策")
class DecisionConsoleController {
  private static final int MAX_WINDOW_MINUTES = 7 * 24 * 60;
  private static final int MAX_WHAT_IF = 200_000;
  private static final java.util.regex.Pattern TAG =
      java.util.regex.Pattern.compile("([a-z][a-z0-9_]{0,63})@v([0-9]{1,6})");

  private final DecisionService service;
  private final StrategyBook book;
  private final DecisionReplayer replayer;
  private final DecisionStore decisions;
  private final StrategyStore strategies;
  private final DecisionStream stream;
  private final AuditService audit;
  private final ObjectMapper json;
  private final Clock clock;

  DecisionConsoleController(
      DecisionService service,
      StrategyBook book,
      DecisionReplayer replayer,
      DecisionStore decisions,
      StrategyStore strategies,
      Database database,
      DecisionLatency latency,
      AuditService audit,
      ObjectMapper json,
      Clock clock) {
    this.service = service;
    this.book = book;
    this.replayer = replayer;
    this.decisions = decisions;
    this.strategies = strategies;
    this.stream = new DecisionStream(database.dataSource(), latency);
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  @Operation(
      summary =
          "The decision stream of the last minutes: outcome mix, approval rate, average score and"
              + " API latency per bucket, and the latest decisions")
  @GetMapping(path = "/api/v1/decisions/stream", produces = MediaType.APPLICATION_JSON_VALUE)
  DecisionStream.View stream(
      @RequestParam(defaultValue = "60") int minutes,
      @RequestParam(name = "bucket_seconds", defaultValue = "60") int bucketSeconds) {
    if (minutes < 1
        || minutes > MAX_WINDOW_MINUTES
        || bucketSeconds < 60
        || bucketSeconds % 60 != 0
        || bucketSeconds > minutes * 60
        || minutes * 60 / bucketSeconds > 1_440) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_WINDOW",
          "minutes must be 1.."
              + MAX_WINDOW_MINUTES
              + ", bucket_seconds a multiple of 60 within"
              + " the window, at most 1,440 buckets",
          "minutes 取值 1.." + MAX_WINDOW_MINUTES + ",bucket_seconds 须为 60 的倍数且不超过窗口,最多 1440 个区间");
    }
    Instant to = clock.instant();
    long bucketEnd = (to.getEpochSecond() / bucketSeconds + 1) * bucketSeconds;
    Instant end = Instant.ofEpochSecond(bucketEnd);
    DecisionStream.View view =
        stream.between(end.minus(Duration.ofMinutes(minutes)), end, bucketSeconds);
    // the latest decisions name applicants and their outcomes
    audit.recordLater(
        Actors.current(),
        "READ_DECISION_STREAM",
        "CREDIT_REVIEW",
        "decisions",
        "recent=" + view.recent().size());
    return view;
  }

  @Operation(
      summary =
          "Run one application through a strategy version (default: the product's champion) and"
              + " show every stage's outcome; nothing is stored, funded or added to the portrait")
  @PostMapping(
      path = "/api/v1/decisions/dry-run",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Decision dryRun(
      @RequestBody ApplicationForm form, @RequestParam(required = false) String strategy) {
    DecisionEngine engine;
    if (strategy == null || strategy.isBlank()) {
      String product = form == null || form.product() == null ? "" : form.product();
      engine =
          book.active(product)
              .map(StrategyBook.Active::champion)
              .orElseThrow(
                  () ->
                      new ApiException(
                          HttpStatus.UNPROCESSABLE_ENTITY,
                          "PRODUCT_NOT_OPEN",
                          "product '" + product + "' has no active strategy",
                          "产品暂未开放申请(没有生效的策略)"));
    } else {
      engine = engine(strategy);
    }
    return service.dryRun(form, engine, Actors.current());
  }

  @Operation(
      summary =
          "What-if: a stored strategy version run over the stored applications of its product in"
              + " a period (no funding limits), against what was decided")
  @GetMapping(
      path = "/api/v1/strategies/{id}/versions/{version}/what-if",
      produces = MediaType.APPLICATION_JSON_VALUE)
  WhatIf.Report whatIf(
      @PathVariable String id,
      @PathVariable int version,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0.45") double lgd) {
    if (!(lgd >= 0 && lgd <= 1)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "INVALID_VALUE", "lgd must be in 0..1", "lgd 须在 0 到 1 之间");
    }
    Instant end = to == null ? clock.instant() : instant(to, "to");
    Instant start = from == null ? end.minus(Duration.ofDays(30)) : instant(from, "from");
    if (!start.isBefore(end)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "INVALID_WINDOW", "from must be before to", "from 须早于 to");
    }
    DecisionEngine engine = engine(id + "@v" + version);
    WhatIf.Report report =
        WhatIf.run(engine, decisions, replayer, json, start, end, lgd, MAX_WHAT_IF);
    audit.recordLater(
        Actors.current(),
        "STRATEGY_WHAT_IF",
        "STRATEGY_EVALUATION",
        "strategy:" + engine.strategy().versionTag(),
        "applications=" + report.applications());
    return report;
  }

  /** A stored version's engine; the tag is checked first, since the replayer caches misses. */
  private DecisionEngine engine(String tag) {
    java.util.regex.Matcher m = TAG.matcher(tag);
    if (!m.matches()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "a strategy version is written like consumer_standard@v2",
          "策略版本的写法形如 consumer_standard@v2");
    }
    if (strategies.find(m.group(1), Integer.parseInt(m.group(2))).isEmpty()) {
      throw ApiException.notFound("strategy " + tag, "策略 " + tag);
    }
    return replayer
        .engine(tag)
        .orElseThrow(() -> ApiException.notFound("strategy " + tag, "策略 " + tag));
  }

  private static Instant instant(String text, String field) {
    try {
      return text.length() == 10
          ? java.time.LocalDate.parse(text)
              .atStartOfDay(java.time.ZoneOffset.ofHours(8))
              .toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "field '" + field + "' must be a day (2026-11-23) or an instant",
          field + " 须为日期(2026-11-23)或时间点");
    }
  }
}
