package io.huaxiang.server.cli;

import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.store.DecisionStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How many decisions are stored, optionally only those whose request id starts with a prefix: a
 * load test checks with it that every decision it was answered is durably stored.
 */
@Command(
    name = "count",
    description = "Count stored decisions (by request id prefix). / 统计已存决策数。",
    mixinStandardHelpOptions = true)
final class DecisionCountCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Option(names = "--request-prefix", description = "Only request ids starting with this.")
  String prefix;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
      DecisionStore store = new DecisionStore(runtime.database().dataSource());
      out.println(prefix == null ? store.count() : store.countByRequestPrefix(prefix));
      out.flush();
      return 0;
    }
  }
}
