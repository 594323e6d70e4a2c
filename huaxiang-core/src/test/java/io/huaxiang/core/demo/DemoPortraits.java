package io.huaxiang.core.demo;

import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.profile.FeatureValues;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.profile.ProfileEngine;
import io.huaxiang.core.profile.ProfileState;
import io.huaxiang.core.profile.ProfileView;
import java.time.ZoneId;
import java.util.List;

/** Folds a demo user's events into a portrait as of the end of the population's window. */
final class DemoPortraits {
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private final ProfileEngine engine = new ProfileEngine(CHINA);
  private final DemoPopulation population;

  DemoPortraits(DemoPopulation population) {
    this.population = population;
  }

  ProfileState state(int index, List<UserEvent> events) {
    ProfileState state = engine.newState(DemoPopulation.userId(index));
    for (UserEvent e : events) {
      engine.apply(state, e);
    }
    return state;
  }

  FeatureValues features(int index) {
    return features(state(index, population.events(index)));
  }

  FeatureValues features(ProfileState state) {
    return PortraitFeatures.catalogue().evaluate(new ProfileView(state, population.end(), CHINA));
  }
}
