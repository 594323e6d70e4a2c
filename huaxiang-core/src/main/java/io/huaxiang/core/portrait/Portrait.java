package io.huaxiang.core.portrait;

import io.huaxiang.core.profile.ProfileState;
import java.time.Instant;
import java.util.TreeMap;

/**
 * A user's living portrait: the folded profile state plus the tags it currently carries, each with
 * the event time it was gained.
 */
public final class Portrait {
  private ProfileState state;
  private final TreeMap<String, Instant> tags;

  public Portrait(ProfileState state, TreeMap<String, Instant> tags) {
    this.state = state;
    this.tags = tags;
  }

  public ProfileState state() {
    return state;
  }

  /** Active tags and when each was gained, sorted by tag id. */
  public TreeMap<String, Instant> tags() {
    return tags;
  }

  void replace(ProfileState next, TreeMap<String, Instant> nextTags) {
    this.state = next;
    tags.clear();
    tags.putAll(nextTags);
  }
}
