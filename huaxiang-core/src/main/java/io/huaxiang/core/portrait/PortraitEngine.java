package io.huaxiang.core.portrait;

import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.profile.FeatureCatalogue;
import io.huaxiang.core.profile.FeatureValues;
import io.huaxiang.core.profile.ProfileEngine;
import io.huaxiang.core.profile.ProfileState;
import io.huaxiang.core.profile.ProfileView;
import io.huaxiang.core.tag.TagRuleSet;
import io.huaxiang.core.tag.TagRuleSet.TagChange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Keeps portraits up to date: applies an event to the profile, then re-evaluates the tags as of the
 * profile's latest event time. Pure like the profile engine (no clock, no I/O), so it runs
 * unchanged in the server and in a stream processor.
 */
public final class PortraitEngine {
  private final ProfileEngine profiles;
  private final FeatureCatalogue catalogue;
  private final TagRuleSet tags;
  private final ZoneId zone;

  public PortraitEngine(ZoneId zone, FeatureCatalogue catalogue, TagRuleSet tags) {
    this.profiles = new ProfileEngine(zone);
    this.catalogue = catalogue;
    this.tags = tags;
    this.zone = zone;
  }

  public Portrait newPortrait(UserId user) {
    return new Portrait(profiles.newState(user), new TreeMap<>());
  }

  public FeatureCatalogue catalogue() {
    return catalogue;
  }

  public TagRuleSet tagRules() {
    return tags;
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * Applies one event; returns the tag changes it caused (empty for a duplicate). Tags are
   * evaluated as of the latest event time the profile has seen, so a late event never moves a
   * portrait back in time.
   */
  public List<TagChange> apply(Portrait portrait, UserEvent event) {
    ProfileState state = portrait.state();
    if (state.hasSeen(event)) {
      return List.of();
    }
    ProfileState next = profiles.apply(state, event);
    return retag(portrait, next, next.lastEventAt());
  }

  /**
   * Applies several events of one user, for bulk catch-up: events are folded in event-time order
   * and the tags re-evaluated once per local day, after that day's last event, rather than after
   * every event. A tag gained within a day is stamped with the time of that day's last event.
   * Duplicates are ignored as in {@link #apply}.
   */
  public List<TagChange> applyAll(Portrait portrait, List<UserEvent> events) {
    List<UserEvent> ordered = new ArrayList<>(events);
    ordered.sort(Comparator.comparing(UserEvent::occurredAt));
    List<TagChange> changes = new ArrayList<>();
    ProfileState state = portrait.state();
    boolean pending = false;
    for (int i = 0; i < ordered.size(); i++) {
      UserEvent event = ordered.get(i);
      if (!state.hasSeen(event)) {
        state = profiles.apply(state, event);
        pending = true;
      }
      boolean dayEnds = i == ordered.size() - 1 || !sameDay(event, ordered.get(i + 1));
      if (pending && dayEnds) {
        changes.addAll(retag(portrait, state, state.lastEventAt()));
        pending = false;
      }
    }
    return changes;
  }

  private boolean sameDay(UserEvent a, UserEvent b) {
    return LocalDate.ofInstant(a.occurredAt(), zone)
        .equals(LocalDate.ofInstant(b.occurredAt(), zone));
  }

  /** Re-evaluates tags at a given time, e.g. a daily sweep so that "silent 30 days" can appear. */
  public List<TagChange> retagAt(Portrait portrait, Instant asOf) {
    return retag(portrait, portrait.state(), asOf);
  }

  /** The feature values of a portrait at a time (the request time, or a cut-off date). */
  public FeatureValues features(Portrait portrait, Instant asOf) {
    return catalogue.evaluate(new ProfileView(portrait.state(), asOf, zone));
  }

  private List<TagChange> retag(Portrait portrait, ProfileState state, Instant asOf) {
    FeatureValues values = catalogue.evaluate(new ProfileView(state, asOf, zone));
    TagRuleSet.TagUpdate update = tags.update(portrait.tags(), values, asOf);
    portrait.replace(state, update.active());
    return update.changes();
  }
}
