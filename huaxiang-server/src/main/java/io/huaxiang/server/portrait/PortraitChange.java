package io.huaxiang.server.portrait;

import io.huaxiang.core.profile.FeatureValues;
import java.time.Instant;
import java.util.Set;

/**
 * A portrait after a change: its features as of its latest event time, its current tags, and the
 * time of the change (the latest event time, or the time of a re-tagging sweep).
 */
public record PortraitChange(String userId, FeatureValues values, Set<String> tags, Instant at) {}
