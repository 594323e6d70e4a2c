package io.huaxiang.server.cli;

import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.UserId;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.store.StoredEvent;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a page of a user's event timeline as JSON Lines, newest first. */
@Command(
    name = "events",
    description = "Show a user's events, newest first. / 查看用户事件时间线。",
    mixinStandardHelpOptions = true)
final class EventsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Parameters(paramLabel = "USER_ID")
  String userId;

  @Option(names = "--page", defaultValue = "0")
  int page;

  @Option(names = "--size", defaultValue = "50")
  int size;

  @Option(
      names = "--purpose",
      defaultValue = "unspecified",
      description = "Why the user's data is read, for the audit log (e.g. CREDIT_REVIEW).")
  String purpose;

  @Override
  public Integer call() {
    UserId user;
    try {
      user = new UserId(userId);
    } catch (InvalidEventException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (page < 0 || size < 1 || size > 10_000) {
      throw new ParameterException(spec.commandLine(), "--page must be >= 0 and --size 1..10000");
    }
    try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
      CliAudit.userRead(
          runtime,
          "READ_TIMELINE",
          purpose,
          userId,
          "huaxiang events --page " + page + " --size " + size);
      List<StoredEvent> events = runtime.events().timeline(user, page, size);
      events.forEach(
          e -> spec.commandLine().getOut().println(runtime.eventJson().write(e.event())));
      spec.commandLine().getOut().flush();
      return events.isEmpty() && page == 0 ? 1 : 0;
    }
  }
}
