package io.huaxiang.server.cli;

import io.huaxiang.core.audit.Checkpoint;
import io.huaxiang.server.audit.AuditCheckpoints;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.store.AuditStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Publishes the audit chain's head to the checkpoint file now (the server does it hourly). */
@Command(
    name = "checkpoint",
    description =
        "Publish the audit chain head to the checkpoint file under the data dir."
            + " / 将审计链头部写入数据目录下的检查点文件。",
    mixinStandardHelpOptions = true)
final class AuditCheckpointCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
      AuditStore store = new AuditStore(runtime.database().dataSource());
      AuditCheckpoints checkpoints =
          new AuditCheckpoints(
              store,
              AuditCheckpoints.fileFor(db.dataDir, runtime.database().dataSource()),
              Clock.systemUTC());
      Optional<Checkpoint> published = checkpoints.publish();
      Checkpoint now = published.or(checkpoints::latest).orElse(null);
      new AuditService(store, Clock.systemUTC())
          .record(
              CliActor.current(),
              "AUDIT_CHECKPOINT",
              "AUDIT_REVIEW",
              "audit_log",
              now == null ? "empty log" : "checkpoint " + now.seq() + ":" + now.hash());
      if (now == null) {
        out.println("audit log empty; nothing to publish / 审计日志为空");
      } else {
        out.printf(
            "%s %d:%s -> %s%n",
            published.isPresent() ? "published / 已发布" : "unchanged / 未变化",
            now.seq(),
            now.hash(),
            checkpoints.file());
      }
      out.flush();
      return 0;
    }
  }
}
