package io.huaxiang.server.cli;

import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.decision.DecisionReplayer;
import io.huaxiang.store.DecisionRecord;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Re-runs every stored decision of a period on its snapshot and strategy version; exit code 0 when
 * all are identical, 1 when any differs (each is listed), 2 for bad options.
 */
@Command(
    name = "replay",
    description = "Re-run stored decisions and check they come out identical. / 重放已存决策并校验结果一致。",
    mixinStandardHelpOptions = true)
final class DecisionReplayCommand implements Callable<Integer> {
  private static final int PAGE = 2_000;
  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Option(
      names = "--from",
      description = "First day (2026-11-01) or instant; default: the beginning.")
  String from;

  @Option(names = "--to", description = "Day or instant to stop before; default: now.")
  String to;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Instant start;
    Instant end;
    try {
      start = DecisionCommand.instant(from, Instant.EPOCH);
      end = DecisionCommand.instant(to, Instant.now().plusSeconds(1));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    }
    try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
      DecisionCommand.Tools tools = DecisionCommand.Tools.over(runtime.database());
      DecisionReplayer replayer = tools.replayer();
      long total = tools.decisions().count();
      ProgressBar bar = new ProgressBar(System.err, "replay");
      long done = 0;
      long identical = 0;
      long missing = 0;
      List<String> different = new ArrayList<>();
      Instant afterTime = null;
      UUID afterId = null;
      while (true) {
        List<DecisionRecord> page = tools.decisions().page(start, end, afterTime, afterId, PAGE);
        List<Optional<DecisionReplayer.Result>> results =
            page.parallelStream().map(replayer::replay).toList();
        for (int i = 0; i < page.size(); i++) {
          Optional<DecisionReplayer.Result> r = results.get(i);
          if (r.isEmpty()) {
            missing++;
          } else if (r.get().identical()) {
            identical++;
          } else {
            different.add(page.get(i).decisionId().toString());
          }
        }
        done += page.size();
        bar.update(done, total, done);
        if (page.size() < PAGE) {
          break;
        }
        afterTime = page.get(page.size() - 1).decidedAt();
        afterId = page.get(page.size() - 1).decisionId();
      }
      bar.update(done, done, done);
      out.printf(
          "replayed %,d decisions / 重放 %,d 笔决策: %,d identical 一致, %,d different 不一致, %,d without their strategy 缺少策略版本%n",
          done, done, identical, different.size(), missing);
      different.stream().limit(20).forEach(id -> out.println("  different: " + id));
      out.flush();
      return different.isEmpty() && missing == 0 ? 0 : 1;
    }
  }
}
