package io.huaxiang.server.segments;

import io.huaxiang.core.expr.Expressions;
import io.huaxiang.core.segment.MembershipChange;
import io.huaxiang.core.segment.SegmentMembership;
import io.huaxiang.core.segment.SegmentRule;
import io.huaxiang.core.tag.PortraitSchema;
import io.huaxiang.server.portrait.PortraitChange;
import io.huaxiang.server.portrait.PortraitChangeListener;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.store.SegmentDefinition;
import io.huaxiang.store.SegmentMembershipStore;
import io.huaxiang.store.SegmentStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps segment membership in real time: every changed portrait is re-evaluated against the latest
 * version of every segment, and each entry and exit is stored with its portrait time. A new segment
 * version is evaluated in bulk over all portraits and reconciled with the members before.
 *
 * <p>Membership is evaluated on each portrait as of its own latest event (features then, current
 * tags): the same function in real time and in bulk, so both agree (see {@link #bulkMembers}).
 */
public final class SegmentMembershipService implements PortraitChangeListener {
  private static final Logger log = LoggerFactory.getLogger(SegmentMembershipService.class);

  private final SegmentMembership membership = new SegmentMembership();
  private final SegmentStore definitions;
  private final SegmentMembershipStore store;
  private final PortraitService portraits;
  private final PortraitSchema schema;
  private final Clock clock;

  SegmentMembershipService(
      SegmentStore definitions,
      SegmentMembershipStore store,
      PortraitService portraits,
      Clock clock) {
    this.definitions = definitions;
    this.store = store;
    this.portraits = portraits;
    this.schema = new PortraitSchema(portraits.engine().catalogue());
    this.clock = clock;
    for (SegmentDefinition d : definitions.list()) {
      membership.restore(rule(d), store.members(d.name()));
    }
  }

  @Override
  public synchronized boolean active() {
    return !membership.isEmpty();
  }

  /** Drops an erased user from the in-memory membership (the rows go with the erasure). */
  public synchronized void forget(String userId) {
    membership.forget(userId);
  }

  @Override
  public synchronized void changed(List<PortraitChange> changes) {
    List<MembershipChange> out = new ArrayList<>();
    for (PortraitChange c : changes) {
      out.addAll(membership.onChange(c.userId(), schema.bind(c.values(), c.tags()), c.at()));
    }
    store.record(out, clock.instant());
  }

  /**
   * Makes {@code definition} the evaluated version of its segment: a bulk evaluation of every
   * portrait, reconciled with the members before; returns the entries and exits.
   */
  public synchronized List<MembershipChange> define(SegmentDefinition definition) {
    SegmentRule rule = rule(definition);
    Map<String, SegmentMembership.Evaluated> evaluated = new HashMap<>();
    portraits.forEachAtOwnTime(
        c ->
            evaluated.put(
                c.userId(),
                new SegmentMembership.Evaluated(
                    rule.condition().test(schema.bind(c.values(), c.tags())), c.at())));
    List<MembershipChange> changes = membership.reconcile(rule, evaluated);
    store.record(changes, clock.instant());
    return changes;
  }

  /**
   * Brings segments saved while no server kept membership (or before this feature) up to date:
   * every segment whose latest version has not been evaluated is reconciled in bulk.
   */
  public void catchUpDefinitions() {
    for (SegmentDefinition d : definitions.list()) {
      if (store.evaluatedVersion(d.name()) < d.version()) {
        List<MembershipChange> changes = define(d);
        log.info(
            "segment {} v{} evaluated in bulk: {} changes", d.name(), d.version(), changes.size());
      }
    }
  }

  /** Current members as kept in real time, sorted. */
  public synchronized SortedSet<String> members(String segment) {
    return membership.members(segment);
  }

  public synchronized int size(String segment) {
    return membership.size(segment);
  }

  /** The version of a segment membership currently follows, or 0 when not evaluated. */
  public synchronized int version(String segment) {
    SegmentRule r = membership.rules().get(segment);
    return r == null ? 0 : r.version();
  }

  /** A fresh bulk evaluation of the evaluated version, without changing anything. */
  public SortedSet<String> bulkMembers(String segment) {
    SegmentRule rule;
    synchronized (this) {
      rule = membership.rules().get(segment);
    }
    SortedSet<String> out = new TreeSet<>();
    if (rule == null) {
      return out;
    }
    portraits.forEachAtOwnTime(
        c -> {
          if (rule.condition().test(schema.bind(c.values(), c.tags()))) {
            out.add(c.userId());
          }
        });
    return out;
  }

  private SegmentRule rule(SegmentDefinition d) {
    return new SegmentRule(
        d.name(), d.version(), Expressions.compileCondition(d.expression(), schema.schema()));
  }
}
