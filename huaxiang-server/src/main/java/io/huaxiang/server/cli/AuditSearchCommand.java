package io.huaxiang.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.huaxiang.core.audit.AuditEntry;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.store.AuditQuery;
import io.huaxiang.store.AuditStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Prints audit entries matching the criteria as JSON Lines, newest first. */
@Command(
    name = "search",
    description =
        "Find audit entries by actor, action, subject or time, newest first. / 按操作人、操作、对象或时间查询审计条目。",
    mixinStandardHelpOptions = true)
final class AuditSearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Option(names = "--actor", description = "Exact actor, e.g. staff:li.na")
  String actor;

  @Option(names = "--action", description = "Exact action, e.g. READ_PORTRAIT")
  String action;

  @Option(names = "--subject", description = "Exact subject, e.g. user:u-1001")
  String subject;

  @Option(names = "--from", description = "From this time (ISO-8601, inclusive)")
  String from;

  @Option(names = "--to", description = "Before this time (ISO-8601, exclusive)")
  String to;

  @Option(names = "--before", description = "Only entries with a smaller seq (next page)")
  Long before;

  @Option(names = "--limit", defaultValue = "50", description = "Page size (default 50)")
  int limit;

  @Option(
      names = "--purpose",
      defaultValue = "AUDIT_REVIEW",
      description = "Why you search; recorded in the audit log (default ${DEFAULT-VALUE})")
  String purpose;

  @Override
  public Integer call() {
    AuditQuery query;
    try {
      query =
          new AuditQuery(
              actor, action, subject, time(from, "--from"), time(to, "--to"), before, limit);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ObjectWriter writer = CliRuntime.json().writer().without(SerializationFeature.INDENT_OUTPUT);
    PrintWriter out = spec.commandLine().getOut();
    try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
      AuditStore store = new AuditStore(runtime.database().dataSource());
      List<AuditEntry> entries = store.search(query);
      for (AuditEntry e : entries) {
        out.println(writer.writeValueAsString(e));
      }
      out.flush();
      // the audit log says who read whom: reading it is itself an audited admin action
      new AuditService(store, Clock.systemUTC())
          .record(
              CliActor.current(),
              "AUDIT_SEARCH",
              purpose,
              subject == null ? "" : subject,
              describe(query) + " -> " + entries.size() + " entries");
      return entries.isEmpty() ? 1 : 0;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an audit entry as JSON", e);
    }
  }

  private static String describe(AuditQuery q) {
    return "actor="
        + q.actor()
        + " action="
        + q.action()
        + " subject="
        + q.subject()
        + " from="
        + q.from()
        + " to="
        + q.to()
        + " before="
        + q.beforeSeq()
        + " limit="
        + q.limit();
  }

  private Instant time(String text, String option) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " '" + text + "' is not an ISO-8601 instant such as 2026-03-01T08:00:00Z");
    }
  }
}
