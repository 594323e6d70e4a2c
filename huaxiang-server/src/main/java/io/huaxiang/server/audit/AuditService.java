package io.huaxiang.server.audit;

import io.huaxiang.core.audit.AuditEntry;
import io.huaxiang.core.audit.AuditEvent;
import io.huaxiang.core.privacy.LogRedactor;
import io.huaxiang.store.AuditStore;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Records who read or changed what, and why, in the tamper-evident audit log: every read of
 * personal data, every decision, every model or strategy change and every admin action.
 *
 * <p>Every text is passed through {@link LogRedactor#redact} first, so an ID number, phone or bank
 * card that a caller put into a subject or details by mistake is stored masked: the audit log is
 * kept for years and read by auditors, and must hold no clear C2 data.
 */
public final class AuditService {
  private final AuditStore store;
  private final Clock clock;

  public AuditService(AuditStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Appends one entry stamped with the current time and returns it as stored.
   *
   * @param actor who acted, e.g. {@code "staff:li.na"} or {@code "service:decisioning"}
   * @param action what was done, e.g. {@code "READ_PORTRAIT"}
   * @param purpose why (PIPL purpose limitation), e.g. {@code "CREDIT_REVIEW"}
   * @param subject whose data, e.g. {@code "user:u-1001"}; {@code ""} for none
   * @param details ids and masked values only; {@code ""} for none
   * @throws IllegalArgumentException if actor, action or purpose is blank
   */
  public AuditEntry record(
      String actor, String action, String purpose, String subject, String details) {
    return store.append(event(actor, action, purpose, subject, details));
  }

  /**
   * Like {@link #record} but returns without waiting for the commit, for audits on a
   * latency-critical path (every portrait read); see {@link AuditStore#appendLater}.
   *
   * @throws io.huaxiang.store.StoreException at once if the audit log is too far behind; the
   *     audited action should then be refused
   */
  public CompletableFuture<AuditEntry> recordLater(
      String actor, String action, String purpose, String subject, String details) {
    return store.appendLater(event(actor, action, purpose, subject, details));
  }

  /** The store behind this service, for verification and search. */
  public AuditStore store() {
    return store;
  }

  private AuditEvent event(
      String actor, String action, String purpose, String subject, String details) {
    return new AuditEvent(
        clock.instant(),
        clean(actor),
        clean(action),
        clean(purpose),
        clean(subject),
        clean(details));
  }

  private static String clean(String text) {
    return text == null ? null : LogRedactor.redact(text);
  }
}
