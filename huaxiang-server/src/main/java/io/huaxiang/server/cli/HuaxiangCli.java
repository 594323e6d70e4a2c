package io.huaxiang.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code huaxiang} command line: serve, import, read portraits, rebuild. */
@Command(
    name = "huaxiang",
    description = "Huaxiang 画像: real-time user portraits for lending.",
    mixinStandardHelpOptions = true,
    version = "huaxiang 0.1.0",
    subcommands = {
      ServeCommand.class,
      ImportCommand.class,
      PortraitCommand.class,
      EventsCommand.class,
      CatalogueCommand.class,
      RebuildCommand.class
    })
public final class HuaxiangCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the CLI; returns the exit code (2 for usage errors, with the message on stderr). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new HuaxiangCli());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("error: " + e.getMessage());
          return 1;
        });
    return cli.execute(args);
  }
}
