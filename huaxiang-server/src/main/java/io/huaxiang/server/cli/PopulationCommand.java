package io.huaxiang.server.cli;

import io.huaxiang.core.tag.TagRule;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.console.PopulationAnalytics;
import io.huaxiang.server.console.PopulationScope;
import io.huaxiang.store.SegmentStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Population analytics from the command line, as JSON: the same queries as {@code
 * /api/v1/population/...}, run in PostgreSQL over the stored portraits and the event log.
 */
@Command(
    name = "population",
    description = "Population analytics: distribution, crosstab, funnel, cohorts, vintage. / 人群分析。",
    mixinStandardHelpOptions = true)
final class PopulationCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Parameters(
      index = "0",
      paramLabel = "distribution|crosstab|funnel|cohorts|vintage",
      description = "what to compute")
  String what;

  @Option(names = "--feature", description = "distribution: a scalar feature, age_band or tag:<id>")
  String feature;

  @Option(names = "--rows", description = "crosstab: the row dimension (as --feature)")
  String rows;

  @Option(names = "--columns", description = "crosstab: the column dimension (as --feature)")
  String columns;

  @Option(names = "--bins", description = "histogram bins (default 20; 6 in crosstabs)")
  Integer bins;

  @Option(names = "--months", defaultValue = "12", description = "vintage: months on book")
  int months;

  @Option(names = "--tag", description = "only users holding this tag")
  String tag;

  @Option(names = "--segment", description = "only members of this saved segment")
  String segment;

  @Option(names = "--from", description = "ISO date or time with offset (inclusive)")
  String from;

  @Option(names = "--to", description = "ISO date or time with offset (exclusive)")
  String to;

  @Override
  public Integer call() throws Exception {
    try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
      ZoneId zone = runtime.portraits().engine().zone();
      Map<String, String[]> tags = new LinkedHashMap<>();
      for (TagRule r : runtime.portraits().engine().tagRules().rules()) {
        tags.put(r.id(), new String[] {r.labelZh(), r.labelEn()});
      }
      if (tag != null && !tags.containsKey(tag)) {
        throw usage("unknown tag '" + tag + "': see `huaxiang catalogue tags`");
      }
      if (segment != null
          && new SegmentStore(runtime.database().dataSource()).latest(segment).isEmpty()) {
        throw usage("unknown segment '" + segment + "'");
      }
      PopulationScope scope = new PopulationScope(tag, segment, time(from, zone), time(to, zone));
      if (scope.from() != null && scope.to() != null && !scope.from().isBefore(scope.to())) {
        throw usage("--from must be before --to");
      }
      PopulationAnalytics analytics =
          new PopulationAnalytics(
              runtime.database().dataSource(),
              zone,
              runtime.portraits().engine().catalogue(),
              tags);
      Function<PopulationAnalytics, Object> query =
          switch (what) {
            case "distribution" ->
                a -> a.distribution(required(feature, "--feature"), bins(20), scope);
            case "crosstab" ->
                a ->
                    a.crossTab(
                        required(rows, "--rows"), required(columns, "--columns"), bins(6), scope);
            case "funnel" -> a -> a.funnelTiming(scope);
            case "cohorts" -> a -> a.timelinessByCohort(scope);
            case "vintage" -> a -> a.vintage(checked(months, 36, "--months"), scope);
            default ->
                throw usage(
                    "unknown analysis '"
                        + what
                        + "': use distribution, crosstab, funnel, cohorts or vintage");
          };
      Object result;
      try {
        result = query.apply(analytics);
      } catch (PopulationAnalytics.UnknownDimensionException e) {
        throw usage(e.getMessage() + ": use `huaxiang catalogue features`, age_band or tag:<id>");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(CliRuntime.json().writeValueAsString(result));
      out.flush();
      return 0;
    }
  }

  private int bins(int fallback) {
    return checked(bins == null ? fallback : bins, 100, "--bins");
  }

  private int checked(int n, int max, String option) {
    if (n < 1 || n > max) {
      throw usage(option + " must be between 1 and " + max + ", got " + n);
    }
    return n;
  }

  private String required(String value, String option) {
    if (value == null || value.isBlank()) {
      throw usage(what + " needs " + option);
    }
    return value;
  }

  private Instant time(String value, ZoneId zone) {
    if (value == null) {
      return null;
    }
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
          : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw usage("'" + value + "' is not an ISO date (2026-06-01) or time with offset");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
