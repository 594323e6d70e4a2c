package io.huaxiang.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.expr.Expressions;
import io.huaxiang.core.portrait.Portrait;
import io.huaxiang.core.portrait.PortraitEngine;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.tag.PortraitSchema;
import io.huaxiang.core.tag.TagRuleSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Real-time membership (one portrait change at a time, interleaved over users, with time-driven
 * re-tagging and a redefinition midway) ends with exactly the members a bulk evaluation of the
 * final portraits gives, and each user's entered/left events alternate, starting with entered.
 */
class SegmentMembershipProperties {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DemoPopulation DEMO =
      new DemoPopulation(5, 400, Instant.parse("2026-06-30T16:00:00Z"));
  private static final PortraitEngine ENGINE =
      new PortraitEngine(
          CHINA, PortraitFeatures.catalogue(), TagRuleSet.standard(PortraitFeatures.catalogue()));
  private static final PortraitSchema SCHEMA = new PortraitSchema(PortraitFeatures.catalogue());
  private static final List<String> CONDITIONS =
      List.of(
          "age between 20 and 40 and city_tier in (1, 2)",
          "loans_disbursed_count_lifetime > 0 and max_dpd_90d = 0",
          "has_tag('night_owl') or activity_count_7d >= 5",
          "has_tag('lifecycle_silent') or has_tag('lifecycle_churned')",
          "applications_count_30d >= 1 and not has_tag('prime_repayer')",
          "outstanding_balance > 2000 or current_dpd > 0",
          "consent_marketing and income_band in ('from_5k_to_10k', 'from_10k_to_20k')");

  @Property(tries = 30)
  void realTimeMembershipEqualsBulkEvaluation(
      @ForAll @LongRange(min = 0, max = 100_000) long seed,
      @ForAll @IntRange(min = 2, max = 8) int users,
      @ForAll @IntRange(min = 1, max = 3) int segments) {
    Random random = new Random(seed);
    SegmentMembership membership = new SegmentMembership();
    List<SegmentRule> rules = new ArrayList<>();
    for (int s = 0; s < segments; s++) {
      rules.add(rule("s" + s, 1, CONDITIONS.get(random.nextInt(CONDITIONS.size()))));
    }
    rules.forEach(r -> membership.restore(r, Set.of()));

    // every user's events, delivered interleaved across users in random-sized batches
    Map<String, Portrait> portraits = new LinkedHashMap<>();
    List<UserEvent> stream = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      int index = random.nextInt(400);
      stream.addAll(DEMO.events(index));
      portraits.putIfAbsent(
          DemoPopulation.userId(index).value(), ENGINE.newPortrait(DemoPopulation.userId(index)));
    }
    stream.sort((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
    List<MembershipChange> log = new ArrayList<>();
    int redefineAt = random.nextInt(Math.max(1, stream.size()));
    int i = 0;
    while (i < stream.size()) {
      int n = 1 + random.nextInt(40);
      List<UserEvent> batch = stream.subList(i, Math.min(stream.size(), i + n));
      Map<String, List<UserEvent>> byUser = new LinkedHashMap<>();
      batch.forEach(e -> byUser.computeIfAbsent(e.userId().value(), k -> new ArrayList<>()).add(e));
      byUser.forEach(
          (user, events) -> {
            Portrait p = portraits.get(user);
            if (events.size() == 1) {
              ENGINE.apply(p, events.get(0));
            } else {
              ENGINE.applyAll(p, events);
            }
            log.addAll(membership.onChange(user, bindings(p), p.state().lastEventAt()));
          });
      if (random.nextInt(5) == 0) {
        // a time-driven sweep: tags such as silence change without an event
        Instant sweep = batch.get(batch.size() - 1).occurredAt().plus(Duration.ofDays(40));
        portraits.forEach(
            (user, p) -> {
              if (p.state().lastEventAt() != null && !ENGINE.retagAt(p, sweep).isEmpty()) {
                log.addAll(membership.onChange(user, bindings(p), sweep));
              }
            });
      }
      if (i <= redefineAt && redefineAt < i + n) {
        SegmentRule next = rule("s0", 2, CONDITIONS.get(random.nextInt(CONDITIONS.size())));
        log.addAll(membership.reconcile(next, bulk(next, portraits)));
        rules.set(0, next);
      }
      i += n;
    }

    for (SegmentRule rule : rules) {
      Set<String> expected = new TreeSet<>();
      bulk(rule, portraits)
          .forEach(
              (user, e) -> {
                if (e.member()) {
                  expected.add(user);
                }
              });
      assertThat(membership.members(rule.name())).isEqualTo(expected);
      Map<String, Boolean> last = new HashMap<>();
      for (MembershipChange c : log) {
        if (c.segment().equals(rule.name())) {
          Boolean before = last.put(c.userId(), c.entered());
          assertThat(c.entered()).isNotEqualTo(before == null ? Boolean.FALSE : before);
        }
      }
      Set<String> fromLog = new TreeSet<>();
      last.forEach(
          (user, in) -> {
            if (in) {
              fromLog.add(user);
            }
          });
      assertThat(fromLog).isEqualTo(expected);
    }
  }

  private static SegmentRule rule(String name, int version, String condition) {
    return new SegmentRule(name, version, Expressions.compileCondition(condition, SCHEMA.schema()));
  }

  private static io.huaxiang.core.expr.Bindings bindings(Portrait p) {
    return SCHEMA.bind(ENGINE.features(p, p.state().lastEventAt()), p.tags().keySet());
  }

  /** The bulk path: every portrait evaluated on its own, at its latest event time. */
  private static Map<String, SegmentMembership.Evaluated> bulk(
      SegmentRule rule, Map<String, Portrait> portraits) {
    Map<String, SegmentMembership.Evaluated> out = new LinkedHashMap<>();
    portraits.forEach(
        (user, p) -> {
          if (p.state().lastEventAt() != null) {
            out.put(
                user,
                new SegmentMembership.Evaluated(
                    rule.condition().test(bindings(p)), p.state().lastEventAt()));
          }
        });
    return out;
  }
}
