package io.huaxiang.server.cli;

import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.portrait.Portrait;
import io.huaxiang.core.portrait.PortraitEngine;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.store.StoredEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a user's portrait, computed straight from the event log (the source of truth). */
@Command(
    name = "portrait",
    description = "Show a user's portrait: features and tags. / 查看用户画像。",
    mixinStandardHelpOptions = true)
final class PortraitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Parameters(paramLabel = "USER_ID")
  String userId;

  @Option(names = "--as-of", description = "ISO-8601 time with offset (default: now).")
  String asOf;

  @Option(
      names = "--purpose",
      defaultValue = "unspecified",
      description = "Why the user's data is read, for the audit log (e.g. CREDIT_REVIEW).")
  String purpose;

  @Override
  public Integer call() throws Exception {
    UserId user;
    Instant at;
    try {
      user = new UserId(userId);
      at = asOf == null ? Instant.now() : OffsetDateTime.parse(asOf).toInstant();
    } catch (InvalidEventException | DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
      CliAudit.userRead(
          runtime, "READ_PORTRAIT", purpose, userId, "huaxiang portrait --as-of " + at);
      PortraitEngine engine = runtime.portraits().engine();
      Portrait portrait = engine.newPortrait(user);
      List<UserEvent> events = new ArrayList<>();
      for (int page = 0; ; page++) {
        List<StoredEvent> stored = runtime.events().timeline(user, page, 1_000);
        stored.forEach(e -> events.add(e.event()));
        if (stored.size() < 1_000) {
          break;
        }
      }
      // in event-time order, tags re-evaluated per day: the same tag times as the server's catch-up
      engine.applyAll(portrait, events);
      long n = events.size();
      if (n == 0) {
        spec.commandLine().getErr().println("no events for user '" + userId + "'");
        return 1;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("user_id", userId);
      out.put("as_of", at);
      out.put("event_count", n);
      out.put("tags", portrait.tags());
      out.put("features", engine.features(portrait, at).asMap());
      spec.commandLine().getOut().println(CliRuntime.json().writeValueAsString(out));
      return 0;
    }
  }
}
