package io.huaxiang.server.cli;

import io.huaxiang.server.HuaxiangApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** Starts the server: REST API, OpenAPI and console on one port. */
@Command(
    name = "serve",
    description = "Start the server (API + console). / 启动服务。",
    mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
  @Mixin DbOptions db;

  @Option(names = "--port", defaultValue = "${env:HUAXIANG_PORT:-8080}")
  int port;

  @Option(
      names = "--demo",
      description =
          "On first start, load a demo population of this many users "
              + "(default when given without a number: 10000); also creates one demo account per "
              + "role with a password printed at start.",
      arity = "0..1",
      fallbackValue = "10000")
  Integer demoUsers;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the demo population.")
  long seed;

  @Unmatched List<String> springArgs = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>(springArgs);
    args.add("--server.port=" + port);
    args.add("--huaxiang.data-dir=" + db.dataDir);
    if (db.dbUrl != null) {
      args.add("--huaxiang.db.url=" + db.dbUrl);
      args.add("--huaxiang.db.user=" + db.dbUser);
      if (db.dbPassword != null) {
        args.add("--huaxiang.db.password=" + db.dbPassword);
      }
    }
    if (demoUsers != null) {
      args.add("--huaxiang.demo.users=" + demoUsers);
      args.add("--huaxiang.demo.seed=" + seed);
      args.add("--huaxiang.security.demo-users=true");
    }
    HuaxiangApplication.start(args.toArray(String[]::new));
    return 0;
  }
}
