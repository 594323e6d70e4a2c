package io.huaxiang.bench.profile;

import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.portrait.Portrait;
import io.huaxiang.core.portrait.PortraitEngine;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.profile.ProfileEngine;
import io.huaxiang.core.profile.ProfileState;
import io.huaxiang.core.tag.TagRuleSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-process profile update throughput on one core: 200,000 demo events (about 1,500 users) folded
 * into fresh profiles (each op is one event), with and without tag re-evaluation. Goal: at least
 * 1,000,000 events/s for the profile update.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx4g"})
public class ProfileUpdateBenchmark {
  static final int USERS = 4_000;

  /** Events folded per invocation; JMH reports operations (events) per second. */
  static final int EVENTS = 200_000;

  static final UserEvent[] LOG;

  static {
    DemoPopulation population =
        new DemoPopulation(42, USERS, Instant.parse("2026-11-01T00:00:00Z"));
    List<UserEvent> events = population.events().limit(EVENTS).toList();
    if (events.size() < EVENTS) {
      throw new IllegalStateException("demo population too small: " + events.size());
    }
    LOG = events.toArray(UserEvent[]::new);
  }

  private final ProfileEngine profiles = ProfileEngine.chinaStandardTime();
  private final PortraitEngine portraits =
      new PortraitEngine(
          ZoneId.of("Asia/Shanghai"),
          PortraitFeatures.catalogue(),
          TagRuleSet.standard(PortraitFeatures.catalogue()));
  private Map<String, ProfileState> states;
  private Map<String, Portrait> portraitMap;

  @Setup(Level.Invocation)
  public void freshStates() {
    states = new HashMap<>(USERS * 2);
    portraitMap = new HashMap<>(USERS * 2);
  }

  /** The pure fold {@code (state, event) -> state}: what a Flink keyed operator would run. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int profileUpdate() {
    for (UserEvent e : LOG) {
      ProfileState s =
          states.computeIfAbsent(e.userId().value(), u -> profiles.newState(e.userId()));
      profiles.apply(s, e);
    }
    return states.size();
  }

  /** The fold plus all features evaluated and tags re-evaluated after every event. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int profileUpdateWithTags() {
    for (UserEvent e : LOG) {
      Portrait p =
          portraitMap.computeIfAbsent(e.userId().value(), u -> portraits.newPortrait(e.userId()));
      portraits.apply(p, e);
    }
    return portraitMap.size();
  }
}
