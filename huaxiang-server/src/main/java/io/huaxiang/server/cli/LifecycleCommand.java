package io.huaxiang.server.cli;

import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.lifecycle.LifecycleThresholds;
import io.huaxiang.server.analytics.LifecycleService;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.store.SegmentStore;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The user lifecycle from the command line, as JSON: a user's current stage, their stage history,
 * and the population's stage-transition matrix over a period; the same service and output as {@code
 * GET /api/v1/users/{id}/lifecycle} and {@code GET /api/v1/population/lifecycle/transitions}.
 */
@Command(
    name = "lifecycle",
    description =
        "User lifecycle: a user's stage and history, the stage-transition matrix. / 用户生命周期。",
    mixinStandardHelpOptions = true)
final class LifecycleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Parameters(
      index = "0",
      paramLabel = "stage|history|transitions",
      description =
          "stage USER_ID: the stage on --day; history USER_ID: the stage and every period;"
              + " transitions: users by stage on --from (rows) and --to (columns)")
  String what;

  @Parameters(index = "1", arity = "0..1", paramLabel = "USER_ID")
  String userId;

  @Option(names = "--day", description = "stage/history: ISO date (default: the latest day)")
  String day;

  @Option(names = "--from", description = "transitions: ISO date (default: 30 days before --to)")
  String from;

  @Option(names = "--to", description = "transitions: ISO date (default: the latest day)")
  String to;

  @Option(names = "--tag", description = "transitions: only users holding this tag")
  String tag;

  @Option(names = "--segment", description = "transitions: only members of this saved segment")
  String segment;

  @Option(names = "--active-window-days", defaultValue = "30")
  int activeWindow;

  @Option(names = "--active-min-days", defaultValue = "4")
  int activeMin;

  @Option(names = "--silent-after-days", defaultValue = "30")
  int silentAfter;

  @Option(names = "--churned-after-days", defaultValue = "90")
  int churnedAfter;

  @Option(names = "--reactivated-for-days", defaultValue = "30")
  int reactivatedFor;

  @Option(
      names = "--purpose",
      defaultValue = "unspecified",
      description = "why a user's data is read, for the audit log (e.g. CUSTOMER_SERVICE)")
  String purpose;

  @Override
  public Integer call() throws Exception {
    LifecycleThresholds thresholds = thresholds();
    if (!what.equals("stage") && !what.equals("history") && !what.equals("transitions")) {
      throw usage("unknown lifecycle query '" + what + "': use stage, history or transitions");
    }
    try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
      ZoneId zone = runtime.portraits().engine().zone();
      LifecycleService service =
          new LifecycleService(runtime.database().dataSource(), runtime.events(), zone);
      LocalDate latest = latestDay(runtime, zone);
      Object result =
          what.equals("transitions")
              ? transitions(runtime, service, thresholds, latest)
              : user(runtime, service, thresholds, latest);
      if (result == null) {
        spec.commandLine().getErr().println("no events for user '" + userId + "'");
        return 1;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(CliRuntime.json().writeValueAsString(result));
      out.flush();
      return 0;
    }
  }

  private Object user(
      HuaxiangRuntime runtime,
      LifecycleService service,
      LifecycleThresholds thresholds,
      LocalDate latest) {
    if (userId == null || userId.isBlank()) {
      throw usage(what + " needs a USER_ID");
    }
    UserId user;
    try {
      user = new UserId(userId);
    } catch (InvalidEventException e) {
      throw usage(e.getMessage());
    }
    LocalDate on = day("--day", day, latest);
    // reading one person's history is a personal-data access: audited like the API's read
    CliAudit.userRead(
        runtime, "READ_USER_DATA", purpose, userId, "huaxiang lifecycle " + what + " --day " + on);
    LifecycleService.UserLifecycle l = service.user(user, on, thresholds).orElse(null);
    if (l == null || what.equals("history")) {
      return l;
    }
    Map<String, Object> stage = new LinkedHashMap<>();
    stage.put("user_id", l.userId());
    stage.put("day", l.day());
    stage.put("stage", l.stage());
    return stage;
  }

  private Object transitions(
      HuaxiangRuntime runtime,
      LifecycleService service,
      LifecycleThresholds thresholds,
      LocalDate latest) {
    if (userId != null) {
      throw usage("transitions takes no USER_ID");
    }
    LocalDate end = day("--to", to, latest);
    LocalDate start = day("--from", from, end.minusDays(30));
    if (!start.isBefore(end)) {
      throw usage("--from must be before --to");
    }
    if (tag != null
        && runtime.portraits().engine().tagRules().rules().stream()
            .noneMatch(r -> r.id().equals(tag))) {
      throw usage("unknown tag '" + tag + "': see `huaxiang catalogue tags`");
    }
    if (segment != null
        && new SegmentStore(runtime.database().dataSource()).latest(segment).isEmpty()) {
      throw usage("unknown segment '" + segment + "'");
    }
    // the matrix streams the whole event log: show how far it got
    ProgressBar bar = new ProgressBar(System.err, "lifecycle transitions");
    long total = runtime.events().lastSeq();
    LifecycleService.Transitions t =
        service.transitions(
            start, end, thresholds, tag, segment, read -> bar.update(read, total, read));
    bar.finish(t.users());
    return t;
  }

  private LifecycleThresholds thresholds() {
    try {
      return new LifecycleThresholds(
          activeWindow, activeMin, silentAfter, churnedAfter, reactivatedFor);
    } catch (IllegalArgumentException e) {
      throw usage("inconsistent lifecycle thresholds: " + e.getMessage());
    }
  }

  /** The local day of the latest event in the log, the data's "today". */
  private static LocalDate latestDay(HuaxiangRuntime runtime, ZoneId zone) throws SQLException {
    try (Connection c = runtime.database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select max(occurred_at) from events")) {
      rs.next();
      Timestamp t = rs.getTimestamp(1);
      return t == null ? LocalDate.now(zone) : LocalDate.ofInstant(t.toInstant(), zone);
    }
  }

  private LocalDate day(String option, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw usage(option + " must be an ISO date such as 2026-06-01, got '" + value + "'");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
