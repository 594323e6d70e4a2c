package io.huaxiang.store;

import java.time.Instant;

/** A period during which a user carried a tag; {@code lostAt} is null while it still does. */
public record TagPeriod(String tag, Instant gainedAt, Instant lostAt) {}
