package io.huaxiang.server.portrait;

import io.huaxiang.core.event.UserId;
import io.huaxiang.core.profile.FeatureValues;
import java.time.Instant;
import java.util.TreeMap;

/** A consistent read of one portrait: features at {@code asOf}, tags with their gained times. */
public record PortraitReading(
    UserId user,
    Instant asOf,
    long eventCount,
    Instant firstEventAt,
    Instant lastEventAt,
    FeatureValues features,
    TreeMap<String, Instant> tags) {}
