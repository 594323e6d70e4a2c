package io.huaxiang.core.audit;

import io.huaxiang.core.audit.VerificationResult.Broken;
import io.huaxiang.core.audit.VerificationResult.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Builds and verifies the hash-chained audit trail. Pure: {@link #append} takes the previous entry,
 * {@link #verify} takes the entries in order; storage and locking (one appender at a time, e.g.
 * {@code SELECT ... FOR UPDATE} on the head) are the caller's.
 *
 * <p>hash = SHA-256 over {@code huaxiang-audit-v1\n} followed by, for each of seq, at (ISO-8601
 * UTC), actor, action, purpose, subject, details and prevHash in that order, {@code name=<UTF-8
 * byte length>:<value>\n}. The length prefix makes the encoding unambiguous: moving text from one
 * field to the next changes the hash.
 */
public final class AuditChain {

  /** The prevHash of the first entry. */
  public static final String GENESIS_HASH = Checkpoint.GENESIS.hash();

  private AuditChain() {}

  /** The first entry of a new chain. */
  public static AuditEntry first(AuditEvent event) {
    return next(Checkpoint.GENESIS, event);
  }

  /** The entry that follows {@code previous}. */
  public static AuditEntry append(AuditEntry previous, AuditEvent event) {
    Objects.requireNonNull(previous, "previous (use first() to start a chain)");
    return next(previous.checkpoint(), event);
  }

  /** The entry that follows the entry at {@code head}, for appenders that keep only the head. */
  public static AuditEntry next(Checkpoint head, AuditEvent event) {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(event, "event");
    long seq = head.seq() + 1;
    // microseconds survive a round trip through PostgreSQL timestamptz; nanoseconds would not
    Instant at = event.at().truncatedTo(ChronoUnit.MICROS);
    String hash =
        hashOf(
            seq,
            at.toString(),
            event.actor(),
            event.action(),
            event.purpose(),
            event.subject(),
            event.details(),
            head.hash());
    return new AuditEntry(
        seq,
        at,
        event.actor(),
        event.action(),
        event.purpose(),
        event.subject(),
        event.details(),
        head.hash(),
        hash);
  }

  /** The hash an entry should have, computed from its other fields. */
  public static String expectedHash(AuditEntry e) {
    return hashOf(
        e.seq(),
        e.at().toString(),
        e.actor(),
        e.action(),
        e.purpose(),
        e.subject(),
        e.details(),
        e.prevHash());
  }

  /** Verifies a whole chain from its first entry. */
  public static VerificationResult verify(Iterable<AuditEntry> entries) {
    return verify(entries, Checkpoint.GENESIS, null);
  }

  /**
   * Verifies entries that continue from {@code start} (a verified earlier page, or {@link
   * Checkpoint#GENESIS}) and, if {@code published} is given, that the entry at its seq has its hash
   * and that the entries reach it.
   */
  public static VerificationResult verify(
      Iterable<AuditEntry> entries, Checkpoint start, Checkpoint published) {
    Objects.requireNonNull(entries, "entries");
    Objects.requireNonNull(start, "start");
    long expectedSeq = start.seq() + 1;
    String expectedPrev = start.hash();
    long position = 0;
    Checkpoint head = start;
    boolean reachedPublished = published == null || published.seq() <= start.seq();
    for (AuditEntry e : entries) {
      Broken broken = check(e, position, expectedSeq, expectedPrev);
      if (broken != null) {
        return broken;
      }
      if (published != null && e.seq() == published.seq()) {
        if (!e.hash().equals(published.hash())) {
          return broken(
              position,
              e.seq(),
              Problem.CHECKPOINT_MISMATCH,
              "entry seq "
                  + e.seq()
                  + " has hash "
                  + abbrev(e.hash())
                  + " but the published checkpoint says "
                  + abbrev(published.hash()));
        }
        reachedPublished = true;
      }
      head = e.checkpoint();
      expectedSeq++;
      expectedPrev = e.hash();
      position++;
    }
    if (!reachedPublished) {
      return broken(
          position,
          published.seq(),
          Problem.TRUNCATED,
          "the chain ends at seq "
              + head.seq()
              + " but a checkpoint was published at seq "
              + published.seq());
    }
    return new VerificationResult.Intact(position, head);
  }

  private static Broken check(AuditEntry e, long position, long expectedSeq, String expectedPrev) {
    if (!expectedHash(e).equals(e.hash())) {
      return broken(
          position,
          e.seq(),
          Problem.CONTENT_ALTERED,
          "entry seq " + e.seq() + " does not match its own hash");
    }
    if (e.seq() > expectedSeq) {
      return broken(
          position,
          e.seq(),
          Problem.SEQUENCE_GAP,
          "expected seq " + expectedSeq + ", found " + e.seq());
    }
    if (e.seq() < expectedSeq) {
      return broken(
          position,
          e.seq(),
          Problem.OUT_OF_ORDER,
          "expected seq " + expectedSeq + ", found " + e.seq());
    }
    if (!e.prevHash().equals(expectedPrev)) {
      return broken(
          position,
          e.seq(),
          Problem.LINK_BROKEN,
          "entry seq "
              + e.seq()
              + " points to "
              + abbrev(e.prevHash())
              + " but the entry before it hashes to "
              + abbrev(expectedPrev)
              + "; entry seq "
              + (e.seq() - 1)
              + " was rewritten, or this one was");
    }
    return null;
  }

  private static Broken broken(long position, long seq, Problem problem, String detail) {
    return new Broken(position, seq, problem, problem.zh() + " / " + problem.en() + ": " + detail);
  }

  private static String abbrev(String hash) {
    return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
  }

  private static String hashOf(
      long seq,
      String at,
      String actor,
      String action,
      String purpose,
      String subject,
      String details,
      String prevHash) {
    StringBuilder sb = new StringBuilder("huaxiang-audit-v1\n");
    field(sb, "seq", Long.toString(seq));
    field(sb, "at", at);
    field(sb, "actor", actor);
    field(sb, "action", action);
    field(sb, "purpose", purpose);
    field(sb, "subject", subject);
    field(sb, "details", details);
    field(sb, "prevHash", prevHash);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private static void field(StringBuilder sb, String name, String value) {
    sb.append(name)
        .append('=')
        .append(value.getBytes(StandardCharsets.UTF_8).length)
        .append(':')
        .append(value)
        .append('\n');
  }
}
