package io.huaxiang.server.console;

import io.huaxiang.core.tag.TagRule;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.portrait.PortraitService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The population overview behind the console's 画像总览 page: sizes, distributions, activity, the
 * funnel, loans and tags, each optionally narrowed by tag, segment and time range ({@link
 * PopulationScopes}).
 */
@RestController
@RequestMapping(path = "/api/v1/population", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "population", description = "Population overview of all portraits / 画像总览")
class PopulationController {
  private static final int MAX_USERS = 200;
  private static final String TAG_DOC = "only users currently holding this tag, e.g. prime_repayer";
  private static final String SEGMENT_DOC = "only current members of this saved segment";
  private static final String FROM_DOC =
      "ISO date or time with offset, inclusive: events by event time, users by portrait time";
  private static final String TO_DOC = "ISO date or time with offset, exclusive";

  private final PopulationQueries queries;
  private final PopulationScopes scopes;
  private final Map<String, TagRule> rules;

  PopulationController(
      PopulationQueries queries, PopulationScopes scopes, PortraitService portraits) {
    this.queries = queries;
    this.scopes = scopes;
    this.rules =
        portraits.engine().tagRules().rules().stream()
            .collect(Collectors.toMap(TagRule::id, Function.identity()));
  }

  @Operation(summary = "Users, their events and the time span covered")
  @GetMapping("/summary")
  PopulationSummary summary(
      @Parameter(description = TAG_DOC) @RequestParam(required = false) String tag,
      @Parameter(description = SEGMENT_DOC) @RequestParam(required = false) String segment,
      @Parameter(description = FROM_DOC) @RequestParam(required = false) String from,
      @Parameter(description = TO_DOC) @RequestParam(required = false) String to) {
    return queries.summary(scopes.parse(tag, segment, from, to));
  }

  @Operation(summary = "New users per day of first registration, in the configured zone")
  @GetMapping("/new-users")
  List<DailyCount> newUsers(
      @Parameter(description = TAG_DOC) @RequestParam(required = false) String tag,
      @Parameter(description = SEGMENT_DOC) @RequestParam(required = false) String segment,
      @Parameter(description = FROM_DOC) @RequestParam(required = false) String from,
      @Parameter(description = TO_DOC) @RequestParam(required = false) String to) {
    return queries.newUsersPerDay(scopes.parse(tag, segment, from, to));
  }

  @Operation(summary = "Distributions of age band, gender, city tier, education and income band")
  @GetMapping("/demographics")
  List<Distribution> demographics(
      @Parameter(description = TAG_DOC) @RequestParam(required = false) String tag,
      @Parameter(description = SEGMENT_DOC) @RequestParam(required = false) String segment,
      @Parameter(description = FROM_DOC) @RequestParam(required = false) String from,
      @Parameter(description = TO_DOC) @RequestParam(required = false) String to) {
    return queries.demographics(scopes.parse(tag, segment, from, to));
  }

  @Operation(summary = "Activity events per weekday (0 = Monday) and hour, in the configured zone")
  @GetMapping("/activity-heatmap")
  List<HeatCell> activityHeatmap(
      @Parameter(description = TAG_DOC) @RequestParam(required = false) String tag,
      @Parameter(description = SEGMENT_DOC) @RequestParam(required = false) String segment,
      @Parameter(description = FROM_DOC) @RequestParam(required = false) String from,
      @Parameter(description = TO_DOC) @RequestParam(required = false) String to) {
    return queries.activityHeatmap(scopes.parse(tag, segment, from, to));
  }

  @Operation(summary = "Users who reached at least each stage: registered → repaid")
  @GetMapping("/funnel")
  List<Bucket> funnel(
      @Parameter(description = TAG_DOC) @RequestParam(required = false) String tag,
      @Parameter(description = SEGMENT_DOC) @RequestParam(required = false) String segment,
      @Parameter(description = FROM_DOC) @RequestParam(required = false) String from,
      @Parameter(description = TO_DOC) @RequestParam(required = false) String to) {
    return queries.funnel(scopes.parse(tag, segment, from, to));
  }

  @Operation(summary = "Loan purposes, requested amounts, repayment modes, on-time vs late")
  @GetMapping("/loans")
  LoanOverview loans(
      @Parameter(description = TAG_DOC) @RequestParam(required = false) String tag,
      @Parameter(description = SEGMENT_DOC) @RequestParam(required = false) String segment,
      @Parameter(description = FROM_DOC) @RequestParam(required = false) String from,
      @Parameter(description = TO_DOC) @RequestParam(required = false) String to) {
    return queries.loans(scopes.parse(tag, segment, from, to));
  }

  @Operation(summary = "Users per tag they currently hold, most common first")
  @GetMapping("/tags")
  List<Bucket> tags(
      @Parameter(description = TAG_DOC) @RequestParam(required = false) String tag,
      @Parameter(description = SEGMENT_DOC) @RequestParam(required = false) String segment,
      @Parameter(description = FROM_DOC) @RequestParam(required = false) String from,
      @Parameter(description = TO_DOC) @RequestParam(required = false) String to) {
    return queries.tagCounts(scopes.parse(tag, segment, from, to)).entrySet().stream()
        .map(
            e -> {
              TagRule r = rules.get(e.getKey());
              return r == null
                  ? new Bucket(e.getKey(), e.getKey(), e.getKey(), e.getValue())
                  : new Bucket(e.getKey(), r.labelZh(), r.labelEn(), e.getValue());
            })
        .toList();
  }

  @Operation(summary = "The most recently active users, newest first (at most 200)")
  @GetMapping("/users")
  List<UserRow> users(
      @Parameter(description = TAG_DOC) @RequestParam(required = false) String tag,
      @Parameter(description = SEGMENT_DOC) @RequestParam(required = false) String segment,
      @Parameter(description = FROM_DOC) @RequestParam(required = false) String from,
      @Parameter(description = TO_DOC) @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "20") int limit) {
    if (limit < 1 || limit > MAX_USERS) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_LIMIT",
          "limit must be between 1 and " + MAX_USERS + ", got " + limit,
          "limit 须在 1 到 " + MAX_USERS + " 之间,实际为 " + limit);
    }
    return queries.recentUsers(scopes.parse(tag, segment, from, to), limit);
  }

  @Operation(
      summary = "Bilingual labels of the values of categorical features (gender, education, ...)")
  @GetMapping("/value-labels")
  Map<String, Map<String, ValueLabel>> valueLabels() {
    Map<String, Map<String, ValueLabel>> out = new LinkedHashMap<>();
    out.put("gender", CategoryLabels.GENDER.asMap());
    out.put("education", CategoryLabels.EDUCATION.asMap());
    out.put("income_band", CategoryLabels.INCOME_BAND.asMap());
    out.put("marital_status", CategoryLabels.MARITAL_STATUS.asMap());
    out.put("city_tier", CategoryLabels.CITY_TIER.asMap());
    out.put("funnel_stage", CategoryLabels.FUNNEL.asMap());
    out.put("operation_step", CategoryLabels.OPERATION_STEP.asMap());
    out.put("age_band", CategoryLabels.AGE_BAND.asMap());
    out.put("loan_purpose", CategoryLabels.LOAN_PURPOSE.asMap());
    out.put("repayment_mode", CategoryLabels.REPAYMENT_MODE.asMap());
    return out;
  }
}
