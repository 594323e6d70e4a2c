package io.huaxiang.server.privacy;

import io.huaxiang.server.audit.AuditService;
import io.huaxiang.store.SubjectStore;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the retention policy of each data category ({@link
 * io.huaxiang.core.privacy.DataCategory}): deletes events older than their category's period,
 * restricted records past their date, and dead letters older than {@code deadLetterDays}; users
 * under a legal hold are skipped. Runs on a schedule in the server and on demand with {@code
 * huaxiang retention run}; each run is audited.
 *
 * <p>Portraits are aggregates: a deleted old session no longer counts after the next {@code
 * huaxiang rebuild}, but windowed features (1-90 days) never needed it.
 */
public final class Retention {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final SubjectStore subjects;
  private final AuditService audit;
  private final Clock clock;
  private final int deadLetterDays;

  public Retention(SubjectStore subjects, AuditService audit, Clock clock, int deadLetterDays) {
    this.subjects = subjects;
    this.audit = audit;
    this.clock = clock;
    this.deadLetterDays = deadLetterDays;
  }

  /** One run; with {@code dryRun} only counts what would go. Returns rows per category. */
  public Map<String, Long> run(String actor, boolean dryRun) {
    Map<String, Long> done = subjects.purgeExpired(clock.instant(), deadLetterDays, dryRun);
    audit.record(
        actor,
        dryRun ? "RETENTION_DRY_RUN" : "RETENTION_RUN",
        "RETENTION_POLICY",
        "retention",
        done.toString());
    log.info("retention {}: {}", dryRun ? "dry run" : "run", done);
    return done;
  }
}
