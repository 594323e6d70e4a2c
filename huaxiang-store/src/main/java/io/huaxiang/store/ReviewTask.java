package io.huaxiang.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A human review of an automated decision, due by {@code dueAt}.
 *
 * @param kind {@code borrower_request} (the applicant asked, PIPL Art 24) or {@code referred} (the
 *     strategy referred the application)
 * @param status {@code open} or {@code closed}
 */
public record ReviewTask(
    long taskId,
    UUID decisionId,
    String userId,
    String kind,
    String note,
    String status,
    Instant createdAt,
    Instant dueAt,
    Instant closedAt,
    String closedBy,
    String resolution) {}
