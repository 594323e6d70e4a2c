package io.huaxiang.server.cli;

import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.store.AuditStore;
import java.time.Clock;

/**
 * Records a CLI command's read of one person's data in the audit log, as the API does for every
 * read: an operator with database access is still accountable for what they looked at. The entry is
 * committed before anything is printed, so a read that cannot be recorded shows nothing.
 */
final class CliAudit {
  private CliAudit() {}

  static void userRead(
      HuaxiangRuntime runtime, String action, String purpose, String userId, String details) {
    new AuditService(new AuditStore(runtime.database().dataSource()), Clock.systemUTC())
        .record(CliActor.current(), action, purpose, "user:" + userId, details);
  }
}
