package io.huaxiang.server.cli;

import io.huaxiang.core.audit.AuditEntry;
import io.huaxiang.core.audit.Checkpoint;
import io.huaxiang.core.audit.VerificationResult;
import io.huaxiang.core.audit.VerificationResult.Broken;
import io.huaxiang.core.audit.VerificationResult.Intact;
import io.huaxiang.server.audit.AuditCheckpoints;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.store.AuditStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Checks the whole audit chain and names the first altered, deleted or reordered entry; exit code 0
 * when intact, 1 when broken, so a nightly job can alert on it.
 */
@Command(
    name = "verify",
    description =
        "Check the audit log's hash chain; exit 1 and name the first broken entry if it was"
            + " altered. / 校验审计日志哈希链，发现篡改时返回 1 并指出第一个异常条目。",
    mixinStandardHelpOptions = true)
final class AuditVerifyCommand implements Callable<Integer> {
  static final int INTACT = 0;
  static final int BROKEN = 1;

  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Option(
      names = "--checkpoint",
      paramLabel = "SEQ:HASH",
      description =
          "A checkpoint published earlier (seq:hash, as printed by a previous verify); catches"
              + " removal of the newest entries and rewrites of the whole chain.")
  String checkpoint;

  @Override
  public Integer call() {
    Checkpoint given = checkpoint == null ? null : parse(checkpoint);
    PrintWriter out = spec.commandLine().getOut();
    try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
      AuditStore audit = new AuditStore(runtime.database().dataSource());
      // without --checkpoint, the newest one published to the data dir (huaxiang audit checkpoint)
      Checkpoint published =
          given != null
              ? given
              : new AuditCheckpoints(
                      audit,
                      AuditCheckpoints.fileFor(db.dataDir, runtime.database().dataSource()),
                      Clock.systemUTC())
                  .latest()
                  .orElse(null);
      if (given == null && published != null) {
        out.printf(
            "checking against the published checkpoint / 对照已发布检查点 %d:%s%n",
            published.seq(), published.hash());
      }
      VerificationResult result = audit.verify(published);
      // recorded after the check, so the entry never changes what was verified
      new AuditService(audit, Clock.systemUTC())
          .record(
              CliActor.current(),
              "AUDIT_VERIFY",
              "AUDIT_REVIEW",
              "",
              result instanceof Broken b
                  ? "broken at seq " + b.seq() + ": " + b.problem()
                  : "intact through " + ((Intact) result).head().seq());
      if (result instanceof Intact intact) {
        out.printf(
            "audit log intact / 审计日志完整: %d entries, head %d:%s%n",
            intact.entries(), intact.head().seq(), intact.head().hash());
        out.flush();
        return INTACT;
      }
      Broken broken = (Broken) result;
      out.printf(
          "audit log BROKEN / 审计日志已被篡改 at seq %d (entry #%d): %s%n",
          broken.seq(), broken.position() + 1, broken.explanation());
      List<AuditEntry> found = audit.page(broken.seq() - 1, 1);
      if (!found.isEmpty() && found.get(0).seq() == broken.seq()) {
        out.println("first broken entry / 第一个异常条目: " + describe(found.get(0)));
      }
      out.flush();
      return BROKEN;
    }
  }

  static String describe(AuditEntry e) {
    return "seq="
        + e.seq()
        + " at="
        + e.at()
        + " actor="
        + e.actor()
        + " action="
        + e.action()
        + " purpose="
        + e.purpose()
        + " subject="
        + e.subject()
        + " details="
        + e.details()
        + " prev_hash="
        + e.prevHash()
        + " hash="
        + e.hash();
  }

  private Checkpoint parse(String text) {
    int colon = text.indexOf(':');
    try {
      if (colon < 1 || !text.substring(colon + 1).matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("expected SEQ:HASH with a 64-character hex hash");
      }
      return new Checkpoint(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "--checkpoint '" + text + "' is not valid: " + e.getMessage());
    }
  }
}
