package io.huaxiang.server.decision;

import io.huaxiang.core.decision.Product;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.security.Actors;
import io.huaxiang.store.BudgetStatus;
import io.huaxiang.store.DecisionStore;
import io.huaxiang.store.HourlyDemand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Funding budgets (借款需求旺，明天再来): each product's budget for a day, how much is used, and a forecast
 * from the last hours' approval rate of when it will run out.
 */
@RestController
@RequestMapping(path = "/api/v1/budgets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "budgets", description = "Funding budgets and demand forecast / 资金预算与需求预测")
class FundingController {
  private static final int FORECAST_HOURS = 3;
  private final StrategyBook book;
  private final DecisionStore store;
  private final AuditService audit;
  private final Clock clock;
  private final DecisionService decisions;

  FundingController(
      StrategyBook book,
      DecisionStore store,
      AuditService audit,
      Clock clock,
      DecisionService decisions) {
    this.decisions = decisions;
    this.book = book;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A day's budget with its forecast: {@code approvedPerHour} is the mean approved amount per hour
   * over the last three hours; {@code exhaustedAt} is when the remaining budget runs out at that
   * rate (null if it lasts the day or nothing is being approved). {@code demandPerHour} is what the
   * champion approved in the last 60 minutes on this server (funded or not: demand), {@code
   * demandShare} the strategy's throttle setting, and {@code demandThrottling} whether approvals
   * outside the priority bands are being deferred now because demand exceeds that share of what is
   * left.
   */
  record Forecast(
      String product,
      LocalDate day,
      BigDecimal capAmount,
      long capCount,
      BigDecimal usedAmount,
      long usedCount,
      BigDecimal remainingAmount,
      List<HourlyDemand> lastHours,
      BigDecimal approvedPerHour,
      Double hoursUntilExhausted,
      Instant exhaustedAt,
      BigDecimal demandPerHour,
      BigDecimal demandShare,
      List<String> priorityBands,
      boolean demandThrottling) {}

  @Operation(summary = "A product's budget on a day (default today) with the demand forecast")
  @GetMapping("/{product}")
  Forecast get(@PathVariable String product, @RequestParam(required = false) String day) {
    Product p = product(product);
    Instant now = clock.instant();
    LocalDate d = day == null ? now.atZone(book.policy().zone()).toLocalDate() : parse(day);
    BudgetStatus b =
        store
            .budget(p.id(), d)
            .orElse(
                new BudgetStatus(
                    p.id(), d, p.dailyBudgetAmount(), p.dailyBudgetCount(), BigDecimal.ZERO, 0));
    List<HourlyDemand> hours = store.hourlyDemand(p.id(), now.minus(Duration.ofHours(24)), now);
    BigDecimal recent = BigDecimal.ZERO;
    Instant since = now.minus(Duration.ofHours(FORECAST_HOURS));
    for (HourlyDemand h : hours) {
      if (!h.hour().isBefore(since.minus(Duration.ofHours(1)))) {
        recent = recent.add(h.approvedAmount());
      }
    }
    BigDecimal rate = recent.divide(BigDecimal.valueOf(FORECAST_HOURS), 2, RoundingMode.HALF_UP);
    BigDecimal remaining = b.capAmount().subtract(b.usedAmount()).max(BigDecimal.ZERO);
    Double hoursLeft = null;
    Instant exhausted = null;
    if (rate.signum() > 0) {
      hoursLeft = remaining.doubleValue() / rate.doubleValue();
      Instant at = now.plusSeconds((long) (hoursLeft * 3600));
      Instant dayEnd = d.plusDays(1).atStartOfDay(book.policy().zone()).toInstant();
      exhausted = at.isBefore(dayEnd) ? at : null;
    }
    BigDecimal demand = decisions.demand().perHour(p.id());
    var throttle = book.active(p.id()).map(a -> a.champion().strategy().throttle()).orElse(null);
    BigDecimal share = throttle == null ? null : throttle.demandShare();
    boolean throttling =
        share != null
            && d.equals(now.atZone(book.policy().zone()).toLocalDate())
            && demand.compareTo(remaining.multiply(share)) > 0;
    return new Forecast(
        p.id(),
        d,
        b.capAmount(),
        b.capCount(),
        b.usedAmount(),
        b.usedCount(),
        remaining,
        hours,
        rate,
        hoursLeft,
        exhausted,
        demand,
        share,
        throttle == null ? List.of() : throttle.priorityBands().stream().sorted().toList(),
        throttling);
  }

  /** A new cap for one day. */
  record Cap(BigDecimal amount, Long count) {}

  @Operation(summary = "Set a product's budget for a day (what is used stays)")
  @PutMapping(path = "/{product}/{day}", consumes = MediaType.APPLICATION_JSON_VALUE)
  BudgetStatus set(@PathVariable String product, @PathVariable String day, @RequestBody Cap cap) {
    Product p = product(product);
    if (cap == null
        || cap.amount() == null
        || cap.count() == null
        || cap.amount().signum() < 0
        || cap.count() < 0) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "amount and count are required and not negative",
          "amount 与 count 必填且不能为负");
    }
    BudgetStatus b = store.setBudget(p.id(), parse(day), cap.amount(), cap.count());
    audit.record(
        Actors.current(),
        "BUDGET_SET",
        "FUNDING_MANAGEMENT",
        "",
        p.id() + " " + day + " amount=" + cap.amount() + " count=" + cap.count());
    return b;
  }

  private Product product(String id) {
    return book.products()
        .find(id)
        .orElseThrow(() -> ApiException.notFound("product " + id, "产品 " + id));
  }

  private static LocalDate parse(String day) {
    try {
      return LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "day must look like 2026-11-23",
          "日期格式应为 2026-11-23");
    }
  }
}
