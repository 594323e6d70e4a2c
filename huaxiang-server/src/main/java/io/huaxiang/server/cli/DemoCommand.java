package io.huaxiang.server.cli;

import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.demo.BulkLoader;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Generates and loads a seeded demo population (see docs/demo-data.md). */
@Command(
    name = "demo",
    description = "Load a seeded demo population. / 加载演示人群数据。",
    mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Option(
      names = "--users",
      defaultValue = "10000",
      description = "Number of users (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Override
  public Integer call() {
    if (users < 1 || users > 10_000_000) {
      throw new ParameterException(spec.commandLine(), "--users must be between 1 and 10000000");
    }
    DemoPopulation population = new DemoPopulation(seed, users, Instant.now());
    try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
      CliRuntime.keepPortraitsUnlessServed(runtime);
      ProgressBar bar = new ProgressBar(System.err, "demo population");
      // about 150 events per user: good enough for a progress estimate
      long expected = 150L * users;
      var report =
          BulkLoader.backfill(
              runtime,
              population.events().iterator(),
              "demo",
              CliActor.current(),
              n -> bar.update(n, Math.max(n, expected), n));
      bar.finish(report.received());
      spec.commandLine()
          .getOut()
          .printf(
              "loaded %,d users: %,d events accepted, %,d duplicates%n",
              users, report.accepted(), report.duplicates().size());
      return 0;
    }
  }
}
