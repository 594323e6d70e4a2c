package io.huaxiang.server.analytics;

import io.huaxiang.core.event.UserId;
import io.huaxiang.core.lifecycle.LifecycleThresholds;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.console.PopulationScope;
import io.huaxiang.server.console.PopulationScopes;
import io.huaxiang.server.portrait.PortraitService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The user lifecycle: one user's stage and history, the population's transitions. */
@RestController
@Tag(name = "lifecycle", description = "User lifecycle stages and transitions / 用户生命周期")
class LifecycleController {
  private final LifecycleService lifecycle;
  private final PortraitService portraits;
  private final PopulationScopes scopes;
  private final ZoneId zone;

  LifecycleController(
      LifecycleService lifecycle, PortraitService portraits, PopulationScopes scopes) {
    this.lifecycle = lifecycle;
    this.portraits = portraits;
    this.scopes = scopes;
    this.zone = portraits.engine().zone();
  }

  @Operation(
      summary =
          "A user's lifecycle stage on a day (default: the latest day in the data) and history")
  @GetMapping(
      path = "/api/v1/users/{userId}/lifecycle",
      produces = MediaType.APPLICATION_JSON_VALUE)
  LifecycleService.UserLifecycle user(
      @PathVariable String userId,
      @RequestParam(required = false) String day,
      @RequestParam(name = "active_window_days", defaultValue = "30") int activeWindow,
      @RequestParam(name = "active_min_days", defaultValue = "4") int activeMin,
      @RequestParam(name = "silent_after_days", defaultValue = "30") int silentAfter,
      @RequestParam(name = "churned_after_days", defaultValue = "90") int churnedAfter,
      @RequestParam(name = "reactivated_for_days", defaultValue = "30") int reactivatedFor) {
    LifecycleThresholds t =
        thresholds(activeWindow, activeMin, silentAfter, churnedAfter, reactivatedFor);
    return lifecycle
        .user(new UserId(userId), day("day", day, latestDay()), t)
        .orElseThrow(() -> ApiException.notFound("user '" + userId + "'", "用户 " + userId));
  }

  @Operation(
      summary =
          "Stage-transition matrix: users by stage on `from` (rows) and on `to` (columns),"
              + " streamed over the event log")
  @GetMapping(
      path = "/api/v1/population/lifecycle/transitions",
      produces = MediaType.APPLICATION_JSON_VALUE)
  LifecycleService.Transitions transitions(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @Parameter(description = "only users currently holding this tag")
          @RequestParam(required = false)
          String tag,
      @Parameter(description = "only current members of this saved segment")
          @RequestParam(required = false)
          String segment,
      @RequestParam(name = "active_window_days", defaultValue = "30") int activeWindow,
      @RequestParam(name = "active_min_days", defaultValue = "4") int activeMin,
      @RequestParam(name = "silent_after_days", defaultValue = "30") int silentAfter,
      @RequestParam(name = "churned_after_days", defaultValue = "90") int churnedAfter,
      @RequestParam(name = "reactivated_for_days", defaultValue = "30") int reactivatedFor) {
    LocalDate end = day("to", to, latestDay());
    LocalDate start = day("from", from, end.minusDays(30));
    if (!start.isBefore(end)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "INVALID_RANGE", "'from' must be before 'to'", "from 须早于 to");
    }
    // the period is from/to (days); tag and segment narrow the users as on every population query
    PopulationScope scope = scopes.parse(tag, segment, null, null);
    return lifecycle.transitions(
        start,
        end,
        thresholds(activeWindow, activeMin, silentAfter, churnedAfter, reactivatedFor),
        scope.tag(),
        scope.segment(),
        n -> {});
  }

  private LocalDate latestDay() {
    Instant latest = portraits.latestEventAt();
    return latest == null ? LocalDate.now(zone) : LocalDate.ofInstant(latest, zone);
  }

  private static LifecycleThresholds thresholds(int a, int b, int c, int d, int e) {
    try {
      return new LifecycleThresholds(a, b, c, d, e);
    } catch (IllegalArgumentException ex) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "INVALID_VALUE", ex.getMessage(), "生命周期阈值不合法:" + ex.getMessage());
    }
  }

  private static LocalDate day(String field, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "'" + field + "' must be an ISO date such as 2026-06-01, got '" + value + "'",
          field + " 须为 ISO 日期(如 2026-06-01),实际为 '" + value + "'");
    }
  }
}
