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
      RebuildCommand.class,
      DemoCommand.class,
      ImportTaiwanCommand.class,
      PopulationCommand.class,
      LifecycleCommand.class,
      ModelCommand.class,
      AuditCommand.class,
      UserCommand.class,
      ApiKeyCommand.class,
      DecisionCommand.class,
      KeysCommand.class,
      RetentionCommand.class
    })
public final class HuaxiangCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the CLI; returns the exit code (2 for usage errors, with the message on stderr). */
  public static int execute(String... args) {
    if (args.length == 0 || !args[0].equals("serve")) {
      quietLogging(); // CLI output is for people: only warnings from libraries
    }
    CommandLine cli = new CommandLine(new HuaxiangCli());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("error: " + e.getMessage());
          return 1;
        });
    return cli.execute(args);
  }

  private static void quietLogging() {
    org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root instanceof ch.qos.logback.classic.Logger logback) {
      logback.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
