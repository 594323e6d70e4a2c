package io.huaxiang.server.portrait;

import io.huaxiang.core.profile.FeatureValues;
import io.huaxiang.core.profile.ProfileState;
import java.util.Set;

/**
 * Reads one portrait during a pass over all of them, under that portrait's lock: the state must not
 * be kept or changed after the call.
 */
@FunctionalInterface
public interface PortraitVisitor {
  void visit(String userId, FeatureValues values, Set<String> tags, ProfileState state);
}
