package io.huaxiang.store;

import java.time.Instant;

/**
 * A search of the audit log: each criterion is optional (null for any), results come newest first
 * in pages.
 *
 * @param actor exact actor, e.g. {@code "staff:li.na"}
 * @param action exact action, e.g. {@code "READ_PORTRAIT"}
 * @param subject exact subject, e.g. {@code "user:u-1001"}
 * @param from inclusive lower bound of the entry time
 * @param to exclusive upper bound of the entry time
 * @param beforeSeq only entries with a smaller seq, for the next page (null for the newest page)
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(
    String actor,
    String action,
    String subject,
    Instant from,
    Instant to,
    Long beforeSeq,
    int limit) {

  /** The largest page a search returns. */
  public static final int MAX_LIMIT = 10_000;

  public AuditQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "audit search limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException(
          "audit search time range is empty: from " + from + " is not before to " + to);
    }
  }

  /** The newest {@code limit} entries, with no criteria. */
  public static AuditQuery latest(int limit) {
    return new AuditQuery(null, null, null, null, null, null, limit);
  }

  public AuditQuery withActor(String value) {
    return new AuditQuery(value, action, subject, from, to, beforeSeq, limit);
  }

  public AuditQuery withAction(String value) {
    return new AuditQuery(actor, value, subject, from, to, beforeSeq, limit);
  }

  public AuditQuery withSubject(String value) {
    return new AuditQuery(actor, action, value, from, to, beforeSeq, limit);
  }

  public AuditQuery between(Instant fromInclusive, Instant toExclusive) {
    return new AuditQuery(actor, action, subject, fromInclusive, toExclusive, beforeSeq, limit);
  }

  /** The page after one whose oldest entry had {@code seq}. */
  public AuditQuery before(long seq) {
    return new AuditQuery(actor, action, subject, from, to, seq, limit);
  }
}
