package io.huaxiang.server.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data lives: the embedded PostgreSQL directory, or an external PostgreSQL. */
final class DbOptions {
  @Option(
      names = "--data-dir",
      defaultValue = "${env:HUAXIANG_DATA_DIR:-huaxiang-data}",
      description = "Directory of the embedded PostgreSQL (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--db-url",
      defaultValue = "${env:HUAXIANG_DB_URL}",
      description = "JDBC URL of an external PostgreSQL; if absent the embedded one is used.")
  String dbUrl;

  @Option(names = "--db-user", defaultValue = "${env:HUAXIANG_DB_USER:-postgres}")
  String dbUser;

  @Option(names = "--db-password", defaultValue = "${env:HUAXIANG_DB_PASSWORD}")
  String dbPassword;
}
