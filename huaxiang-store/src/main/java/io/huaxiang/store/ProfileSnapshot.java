package io.huaxiang.store;

import java.time.Instant;
import java.util.List;

/**
 * A stored portrait: the serialised profile state plus, for SQL analytics, the features as of the
 * last event and the active tags.
 */
public record ProfileSnapshot(
    String userId,
    int formatVersion,
    long eventCount,
    Instant lastEventAt,
    String stateJson,
    String featuresJson,
    List<String> tags) {}
