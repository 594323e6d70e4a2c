package io.huaxiang.server.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the audit log commands: {@code huaxiang audit verify|search}. */
@Command(
    name = "audit",
    description = "Verify or search the tamper-evident audit log. / 校验或查询防篡改审计日志。",
    mixinStandardHelpOptions = true,
    subcommands = {
      AuditVerifyCommand.class,
      AuditSearchCommand.class,
      AuditCheckpointCommand.class
    })
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
