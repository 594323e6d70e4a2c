package io.huaxiang.core.audit;

import java.util.Objects;

/**
 * A position in the chain: a sequence number and the hash of the entry there.
 *
 * <p>Published regularly outside the database (a WORM bucket, a signed daily e-mail, another
 * system's log), a checkpoint lets {@link AuditChain#verify(Iterable, Checkpoint, Checkpoint)}
 * detect what the chain alone cannot: removal of the newest entries, or a rewrite of the whole
 * chain after some point with every hash recomputed.
 */
public record Checkpoint(long seq, String hash) {

  /** Before the first entry. */
  public static final Checkpoint GENESIS = new Checkpoint(0, "0".repeat(64));

  public Checkpoint {
    if (seq < 0) {
      throw new IllegalArgumentException("checkpoint seq must be >= 0, got " + seq);
    }
    Objects.requireNonNull(hash, "hash");
  }
}
