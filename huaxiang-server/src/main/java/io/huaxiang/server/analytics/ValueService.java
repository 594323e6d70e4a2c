package io.huaxiang.server.analytics;

import io.huaxiang.core.event.UserId;
import io.huaxiang.core.value.BorrowingPattern;
import io.huaxiang.core.value.BorrowingPatterns;
import io.huaxiang.core.value.BorrowingProfile;
import io.huaxiang.core.value.RiskPreference;
import io.huaxiang.core.value.ValueAssessment;
import io.huaxiang.core.value.ValueTier;
import io.huaxiang.core.value.ValueTiers;
import io.huaxiang.server.portrait.PortraitService;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the pure value and borrowing-pattern rules of {@code io.huaxiang.core.value} to the live
 * portraits, as of the latest event time in the data.
 */
public final class ValueService {
  private final PortraitService portraits;

  public ValueService(PortraitService portraits) {
    this.portraits = portraits;
  }

  /** Users per class, and the value tier x borrowing pattern cross-tab. */
  public record Overview(
      Instant asOf,
      long users,
      List<Count> tiers,
      List<Count> patterns,
      List<Count> riskPreferences,
      List<Cross> tierByPattern) {}

  public record Count(UserValue.Label label, long users) {}

  public record Cross(String tier, String pattern, long users) {}

  public Optional<UserValue> of(UserId user) {
    Instant asOf = portraits.latestEventAt();
    return portraits.evaluate(
        user, asOf, (values, state) -> assess(user.value(), asOf, values, state));
  }

  public Overview overview(String tag) {
    return overview(tag, null, null, null);
  }

  /**
   * As {@link #overview(String)}, narrowed like every population query: holders of {@code tag},
   * users in {@code members} (a segment's current members), and users whose portrait time (last
   * event) is in {@code [from, to)}; each null for no limit.
   */
  public Overview overview(String tag, java.util.Set<String> members, Instant from, Instant to) {
    Instant asOf = portraits.latestEventAt();
    Map<ValueTier, Long> tiers = new EnumMap<>(ValueTier.class);
    Map<BorrowingPattern, Long> patterns = new EnumMap<>(BorrowingPattern.class);
    Map<RiskPreference, Long> risks = new EnumMap<>(RiskPreference.class);
    long[][] cross = new long[ValueTier.values().length][BorrowingPattern.values().length];
    long[] users = {0};
    if (asOf != null) {
      portraits.forEachAt(
          asOf,
          (user, values, tags, state) -> {
            if (tag != null && !tags.contains(tag)
                || members != null && !members.contains(user)
                || !inRange(state.lastEventAt(), from, to)) {
              return;
            }
            ValueAssessment v = ValueTiers.assess(values);
            BorrowingProfile b = BorrowingPatterns.classify(state.disbursements(), values);
            tiers.merge(v.tier(), 1L, Long::sum);
            patterns.merge(b.pattern(), 1L, Long::sum);
            risks.merge(b.riskPreference(), 1L, Long::sum);
            cross[v.tier().ordinal()][b.pattern().ordinal()]++;
            users[0]++;
          });
    }
    List<Cross> cells = new java.util.ArrayList<>();
    for (ValueTier t : ValueTier.values()) {
      for (BorrowingPattern p : BorrowingPattern.values()) {
        if (cross[t.ordinal()][p.ordinal()] > 0) {
          cells.add(
              new Cross(
                  UserValue.Label.of(t).key(),
                  UserValue.Label.of(p).key(),
                  cross[t.ordinal()][p.ordinal()]));
        }
      }
    }
    return new Overview(
        asOf,
        users[0],
        counts(tiers, ValueTier.values()),
        counts(patterns, BorrowingPattern.values()),
        counts(risks, RiskPreference.values()),
        cells);
  }

  private static boolean inRange(Instant at, Instant from, Instant to) {
    return (from == null || at != null && !at.isBefore(from))
        && (to == null || at != null && at.isBefore(to));
  }

  private static <E extends Enum<E>> List<Count> counts(Map<E, Long> m, E[] all) {
    return java.util.Arrays.stream(all)
        .map(e -> new Count(UserValue.Label.of(e), m.getOrDefault(e, 0L)))
        .toList();
  }

  static UserValue assess(
      String user,
      Instant asOf,
      io.huaxiang.core.profile.FeatureValues values,
      io.huaxiang.core.profile.ProfileState state) {
    return UserValue.of(
        user,
        asOf,
        ValueTiers.assess(values),
        BorrowingPatterns.classify(state.disbursements(), values));
  }
}
