package io.huaxiang.server.cli;

import io.huaxiang.server.config.HuaxiangRuntime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Recomputes every portrait from the event log, the source of truth. */
@Command(
    name = "rebuild",
    description = "Recompute all portraits from the event log. / 从事件日志重建全部画像。",
    mixinStandardHelpOptions = true)
final class RebuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Override
  public Integer call() {
    try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
      if (runtime.database().attached()) {
        spec.commandLine()
            .getErr()
            .println(
                "a Huaxiang server is running on this data directory; stop it before rebuilding");
        return 2;
      }
      long total = runtime.events().count();
      ProgressBar bar = new ProgressBar(System.err, "rebuilding portraits");
      long n = runtime.portraits().rebuild(done -> bar.update(done, total, done));
      bar.finish(n);
      spec.commandLine()
          .getOut()
          .printf("rebuilt %,d portraits from %,d events%n", runtime.portraits().size(), n);
      return 0;
    }
  }
}
