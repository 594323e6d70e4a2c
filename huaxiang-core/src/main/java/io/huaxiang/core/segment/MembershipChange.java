package io.huaxiang.core.segment;

import java.time.Instant;

/**
 * A user entered or left a segment, at the portrait time the membership was evaluated (event time,
 * never wall time).
 */
public record MembershipChange(
    String segment, int version, String userId, boolean entered, Instant at) {}
