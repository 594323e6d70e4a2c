package io.huaxiang.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * What happened, before it is chained: who did what to whose data, when and for which purpose.
 *
 * <p>Keep personal data out of {@code subject} and {@code details}: use ids and masked values (the
 * chain is kept for years and read by auditors).
 *
 * @param at when it happened (passed in; the core never reads the clock)
 * @param actor who acted: a staff id, a service name or {@code "user:<id>"}
 * @param action what was done, e.g. {@code "VIEW_ID_NUMBER"}, {@code "DECIDE_LOAN"}
 * @param purpose why, as required by PIPL purpose limitation, e.g. {@code "CREDIT_REVIEW"}
 * @param subject whose data or which object, e.g. {@code "user:u-1001"}; may be empty
 * @param details free text or JSON; may be empty
 */
public record AuditEvent(
    Instant at, String actor, String action, String purpose, String subject, String details) {

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    requireText(actor, "actor");
    requireText(action, "action");
    requireText(purpose, "purpose");
    Objects.requireNonNull(subject, "subject (use \"\" for none)");
    Objects.requireNonNull(details, "details (use \"\" for none)");
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException("audit " + name + " must not be blank");
    }
  }
}
