package io.huaxiang.store;

import java.time.Instant;
import java.util.List;

/**
 * A stored portrait: the serialised profile state plus, for SQL analytics, the features as of the
 * last event and the active tags with the time each was gained (ISO-8601, as JSON).
 */
public record ProfileSnapshot(
    String userId,
    int formatVersion,
    long eventCount,
    Instant lastEventAt,
    String stateJson,
    String featuresJson,
    List<String> tags,
    String tagSinceJson) {}
