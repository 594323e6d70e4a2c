package io.huaxiang.server.cli;

import io.huaxiang.core.privacy.DataCategory;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.privacy.Retention;
import io.huaxiang.store.AuditStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Retention policies per data category: list them, or apply them now. */
@Command(
    name = "retention",
    description = "Data retention policies: list and run. / 数据保存期限：查看与执行。",
    mixinStandardHelpOptions = true,
    subcommands = {RetentionCommand.Policies.class, RetentionCommand.Run.class})
final class RetentionCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "policies",
      description = "List the retention period of each data category. / 列出各类数据的保存期限。",
      mixinStandardHelpOptions = true)
  static final class Policies implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (DataCategory c : DataCategory.values()) {
        out.printf(
            "%-14s %-8s %s%s / %s%n",
            c.name().toLowerCase(Locale.ROOT),
            c.retention(),
            c.legalDuty() ? "[legal duty / 法定保存] " : "",
            c.en(),
            c.zh());
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "run",
      description =
          "Delete what has outlived its retention period (legal holds are kept)."
              + " / 删除超过保存期限的数据（法律保全除外）。",
      mixinStandardHelpOptions = true)
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DbOptions db;

    @Option(names = "--dry-run", description = "Only count what would be deleted.")
    boolean dryRun;

    @Option(
        names = "--dead-letter-days",
        defaultValue = "90",
        description = "Keep refused records this many days (default: ${DEFAULT-VALUE}).")
    int deadLetterDays;

    @Override
    public Integer call() {
      if (deadLetterDays < 1) {
        spec.commandLine().getErr().println("--dead-letter-days must be at least 1");
        return 2;
      }
      try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
        AuditService audit =
            new AuditService(new AuditStore(runtime.database().dataSource()), Clock.systemUTC());
        Map<String, Long> done =
            new Retention(runtime.subjects(), audit, Clock.systemUTC(), deadLetterDays)
                .run(CliActor.current(), dryRun);
        PrintWriter out = spec.commandLine().getOut();
        out.println(dryRun ? "would delete / 将删除:" : "deleted / 已删除:");
        done.forEach((k, v) -> out.printf("  %-14s %,d%n", k, v));
        out.flush();
        return 0;
      }
    }
  }
}
