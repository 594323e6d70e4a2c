package io.huaxiang.server.console;

import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.console.PopulationAnalytics.CohortTimeliness;
import io.huaxiang.server.console.PopulationAnalytics.CrossTab;
import io.huaxiang.server.console.PopulationAnalytics.Distribution;
import io.huaxiang.server.console.PopulationAnalytics.FunnelStep;
import io.huaxiang.server.console.PopulationAnalytics.UnknownDimensionException;
import io.huaxiang.server.console.PopulationAnalytics.VintagePoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Population analytics for risk, operations and marketing: distributions of any feature or tag,
 * cross-tabs, the funnel with step times, repayment behaviour per cohort and vintage curves; each
 * narrowed by tag, segment and time range.
 */
@RestController
@RequestMapping(path = "/api/v1/population", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "population", description = "Population overview of all portraits / 画像总览")
class PopulationAnalyticsController {
  private static final String SCOPE_DOC = PopulationScopes.DOC;

  private final PopulationAnalytics analytics;
  private final PopulationScopes scopes;

  PopulationAnalyticsController(PopulationAnalytics analytics, PopulationScopes scopes) {
    this.analytics = analytics;
    this.scopes = scopes;
  }

  @Operation(
      summary =
          "Distribution of a feature (histogram or shares), of age_band, or of a tag (tag:<id>)",
      description = SCOPE_DOC)
  @GetMapping("/distribution")
  Distribution distribution(
      @RequestParam String feature,
      @RequestParam(defaultValue = "20") int bins,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String segment,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    PopulationScope scope = scope(tag, segment, from, to);
    return known(() -> analytics.distribution(feature, bins(bins, 100), scope));
  }

  @Operation(
      summary = "Users per combination of two dimensions, e.g. rows=age_band&columns=city_tier",
      description = SCOPE_DOC)
  @GetMapping("/crosstab")
  CrossTab crossTab(
      @RequestParam String rows,
      @RequestParam String columns,
      @RequestParam(defaultValue = "6") int bins,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String segment,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    PopulationScope scope = scope(tag, segment, from, to);
    return known(() -> analytics.crossTab(rows, columns, bins(bins, 20), scope));
  }

  @Operation(
      summary =
          "Funnel registered → applied → approved → disbursed → first repayment with conversion"
              + " and median hours between steps (time range: by registration time)")
  @GetMapping("/funnel-timing")
  List<FunnelStep> funnelTiming(
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String segment,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return analytics.funnelTiming(scope(tag, segment, from, to));
  }

  @Operation(
      summary =
          "On-time vs late repayments per disbursement month (time range: by disbursement time)")
  @GetMapping("/repayment-cohorts")
  List<CohortTimeliness> repaymentCohorts(
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String segment,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return analytics.timelinessByCohort(scope(tag, segment, from, to));
  }

  @Operation(
      summary =
          "Vintage curves: share of loans 30+ days past due by months on book, per disbursement"
              + " month")
  @GetMapping("/vintage")
  List<VintagePoint> vintage(
      @Parameter(description = "months on book, 1-36") @RequestParam(defaultValue = "12")
          int months,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String segment,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    return analytics.vintage(bins(months, 36), scope(tag, segment, from, to));
  }

  private PopulationScope scope(String tag, String segment, String from, String to) {
    return scopes.parse(tag, segment, from, to);
  }

  private static int bins(int n, int max) {
    if (n < 1 || n > max) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "must be between 1 and " + max + ", got " + n,
          "须在 1 到 " + max + " 之间,实际为 " + n);
    }
    return n;
  }

  private static <T> T known(java.util.function.Supplier<T> query) {
    try {
      return query.get();
    } catch (UnknownDimensionException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "UNKNOWN_FEATURE",
          e.getMessage()
              + ": use a scalar feature (GET /api/v1/catalogue/features), age_band or tag:<id>",
          "未知特征 '" + e.name() + "':可用标量特征、age_band 或 tag:<标签>");
    }
  }
}
