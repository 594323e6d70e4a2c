package io.huaxiang.core.segment;

import io.huaxiang.core.expr.Bindings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who is in which segment, kept up to date one portrait change at a time.
 *
 * <p>Membership is a function of a portrait as of its own time: its feature values at its latest
 * event time and its current tags. {@link #onChange} re-evaluates one user against every segment
 * and returns the entries and exits; {@link #reconcile} replaces a segment's members with a bulk
 * evaluation (a new definition) and returns the difference. Because both evaluate the same
 * function, the members kept by real-time changes equal a bulk evaluation over the same portraits
 * ({@code SegmentMembershipProperties}).
 *
 * <p>Pure and single-writer: the caller serialises calls (the server does so under one lock).
 */
public final class SegmentMembership {
  private final Map<String, SegmentRule> rules = new LinkedHashMap<>();
  private final Map<String, Set<String>> members = new LinkedHashMap<>();

  /** The segments evaluated, by name. */
  public Map<String, SegmentRule> rules() {
    return Collections.unmodifiableMap(rules);
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * Adds or replaces a segment's rule and takes {@code currentMembers} as its members without
   * emitting changes (on start, from what was stored).
   */
  public void restore(SegmentRule rule, Set<String> currentMembers) {
    rules.put(rule.name(), rule);
    members.put(rule.name(), new HashSet<>(currentMembers));
  }

  /**
   * Drops a user from every segment without emitting exits: their data was erased, so neither the
   * membership nor its history may remain (the store deletes the stored rows).
   */
  public void forget(String userId) {
    for (Set<String> m : members.values()) {
      m.remove(userId);
    }
  }

  /** Stops evaluating a segment. */
  public void remove(String segment) {
    rules.remove(segment);
    members.remove(segment);
  }

  /**
   * Re-evaluates one user after their portrait changed.
   *
   * @param bindings the portrait's features (as of {@code at}) and tags
   * @param at the portrait time: the latest event time, or the time of a time-driven re-tagging
   */
  public List<MembershipChange> onChange(String userId, Bindings bindings, Instant at) {
    List<MembershipChange> changes = new ArrayList<>();
    for (SegmentRule rule : rules.values()) {
      boolean in = rule.condition().test(bindings);
      Set<String> current = members.get(rule.name());
      boolean was = current.contains(userId);
      if (in && !was) {
        current.add(userId);
        changes.add(new MembershipChange(rule.name(), rule.version(), userId, true, at));
      } else if (!in && was) {
        current.remove(userId);
        changes.add(new MembershipChange(rule.name(), rule.version(), userId, false, at));
      }
    }
    return changes;
  }

  /**
   * Installs {@code rule} and sets its members to a bulk evaluation, returning who entered and who
   * left compared with the members before (all of them enter for a new segment).
   *
   * @param evaluated every user's membership under {@code rule} and the portrait time it was
   *     evaluated at; users absent from it are out
   */
  public List<MembershipChange> reconcile(SegmentRule rule, Map<String, Evaluated> evaluated) {
    Set<String> before = members.getOrDefault(rule.name(), Set.of());
    Set<String> after = new HashSet<>();
    List<MembershipChange> changes = new ArrayList<>();
    evaluated.forEach(
        (user, e) -> {
          if (e.member()) {
            after.add(user);
            if (!before.contains(user)) {
              changes.add(new MembershipChange(rule.name(), rule.version(), user, true, e.at()));
            }
          } else if (before.contains(user)) {
            changes.add(new MembershipChange(rule.name(), rule.version(), user, false, e.at()));
          }
        });
    Instant latest =
        evaluated.values().stream()
            .map(Evaluated::at)
            .max(Instant::compareTo)
            .orElse(Instant.EPOCH);
    for (String user : before) {
      if (!evaluated.containsKey(user)) {
        // a member without a portrait any more leaves as of the evaluation's latest time
        changes.add(new MembershipChange(rule.name(), rule.version(), user, false, latest));
      }
    }
    rules.put(rule.name(), rule);
    members.put(rule.name(), after);
    return changes;
  }

  /** One user's membership under a rule, and the portrait time it was evaluated at. */
  public record Evaluated(boolean member, Instant at) {}

  /** The current members of a segment, sorted; empty for an unknown segment. */
  public SortedSet<String> members(String segment) {
    return new TreeSet<>(members.getOrDefault(segment, Set.of()));
  }

  public int size(String segment) {
    return members.getOrDefault(segment, Set.of()).size();
  }
}
