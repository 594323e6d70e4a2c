package io.huaxiang.store;

import java.time.Instant;

/** A user gained or lost a tag at a time. */
public record TagTransition(String userId, String tag, boolean gained, Instant at) {}
