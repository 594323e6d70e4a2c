package io.huaxiang.store;

import java.time.Instant;

/** One version of a registered model: its status, provenance and approval. */
public record RegisteredModel(
    long id,
    String name,
    int version,
    String kind,
    ModelStatus status,
    String fingerprint,
    Instant createdAt,
    String createdBy,
    String approvedBy,
    Instant approvedAt) {}
