package io.huaxiang.core.profile;

import java.util.function.Function;

/** A declared feature together with how to compute it from a profile view. */
public record Feature(FeatureDefinition definition, Function<ProfileView, Object> compute) {
  public String name() {
    return definition.name();
  }
}
