package io.huaxiang.store;

import java.time.Instant;

/** One version of a saved segment: its expression over portrait features and tags. */
public record SegmentDefinition(
    String name,
    int version,
    String expression,
    String description,
    Instant createdAt,
    String createdBy) {}
