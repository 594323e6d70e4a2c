package io.huaxiang.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One link of the audit chain as stored: the event, its sequence number, the previous entry's hash
 * and its own hash. Built by {@link AuditChain#append}; the constructor accepts any values
 * (including tampered ones read back from storage) so {@link AuditChain#verify} can judge them.
 *
 * @param seq 1 for the first entry, then +1 per entry
 * @param hash lowercase hex SHA-256 of the canonical encoding of every other field
 */
public record AuditEntry(
    long seq,
    Instant at,
    String actor,
    String action,
    String purpose,
    String subject,
    String details,
    String prevHash,
    String hash) {

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
  }

  /** The event this entry records. */
  public AuditEvent event() {
    return new AuditEvent(at, actor, action, purpose, subject, details);
  }

  /** This entry as a checkpoint, to publish somewhere the database's writers cannot change. */
  public Checkpoint checkpoint() {
    return new Checkpoint(seq, hash);
  }
}
