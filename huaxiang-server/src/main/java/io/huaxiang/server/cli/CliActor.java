package io.huaxiang.server.cli;

/** Names the person running a CLI command in the audit log, until the CLI has its own login. */
final class CliActor {
  private CliActor() {}

  /** {@code cli:<operating-system user>}, e.g. {@code cli:li.na}. */
  static String current() {
    String user = System.getProperty("user.name");
    return "cli:" + (user == null || user.isBlank() ? "unknown" : user);
  }
}
