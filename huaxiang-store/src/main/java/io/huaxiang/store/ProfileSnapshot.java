package io.huaxiang.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored portrait: the serialised profile state plus, for SQL analytics, the features as of the
 * last event and the active tags with the time each was gained (ISO-8601, as JSON).
 *
 * <p>{@code scalars} are the same features as {@code featuresJson}, by name (Double, String,
 * Boolean or null), written to the typed {@code portrait_features} table; snapshots read back for a
 * restore leave it empty, since restoring needs only the state.
 */
public record ProfileSnapshot(
    String userId,
    int formatVersion,
    long eventCount,
    Instant lastEventAt,
    String stateJson,
    String featuresJson,
    List<String> tags,
    String tagSinceJson,
    Map<String, Object> scalars) {

  public ProfileSnapshot {
    scalars = scalars == null ? Map.of() : java.util.Collections.unmodifiableMap(scalars);
  }
}
