package io.huaxiang.store;

import java.time.Instant;

/**
 * A record refused at ingestion: where it came from (API or file, line number), why, and the record
 * itself (truncated), so an operator can fix and resend it.
 */
public record DeadLetter(
    Instant receivedAt,
    String channel,
    String origin,
    Long lineNo,
    String reason,
    String field,
    String message,
    String record) {}
