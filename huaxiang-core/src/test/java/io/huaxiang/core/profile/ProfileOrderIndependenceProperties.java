package io.huaxiang.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The invariant the whole platform rests on: a profile built incrementally from events in any
 * order, with duplicates, equals the profile rebuilt from the de-duplicated log in event-time
 * order.
 */
class ProfileOrderIndependenceProperties {
  private final ProfileEngine engine = ProfileEngine.chinaStandardTime();
  private final ProfileStateCodec codec = new ProfileStateCodec();
  private final UserId user = new UserId("u-1");

  @Property(tries = 300)
  void incrementalInAnyOrderWithDuplicatesEqualsRebuildFromLog(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 150) int count) {
    List<UserEvent> log = RandomEvents.history(user, seed, count);

    List<UserEvent> stream = new ArrayList<>(log);
    Random r = new Random(seed ^ 0x5DEECE66DL);
    for (int i = 0; i < count / 5; i++) {
      stream.add(log.get(r.nextInt(log.size()))); // resent duplicates
    }
    Collections.shuffle(stream, r);

    ProfileState incremental = fold(stream);
    List<UserEvent> sorted = new ArrayList<>(log);
    sorted.sort(Comparator.comparing(UserEvent::occurredAt));
    ProfileState rebuilt = fold(sorted);

    assertThat(codec.write(incremental)).isEqualTo(codec.write(rebuilt));
    Instant asOf = RandomEvents.START.plusSeconds(320L * 86_400);
    assertThat(features(incremental, asOf)).isEqualTo(features(rebuilt, asOf));
  }

  @Property(tries = 100)
  void snapshotRoundTripKeepsTheStateAndItsFeatures(@ForAll long seed) {
    ProfileState state = fold(RandomEvents.history(user, seed, 80));
    ProfileState restored = codec.read(codec.write(state));

    assertThat(codec.write(restored)).isEqualTo(codec.write(state));
    Instant asOf = RandomEvents.START.plusSeconds(200L * 86_400);
    assertThat(features(restored, asOf)).isEqualTo(features(state, asOf));
  }

  private ProfileState fold(List<UserEvent> events) {
    ProfileState state = engine.newState(user);
    for (UserEvent e : events) {
      state = engine.apply(state, e);
    }
    return state;
  }

  private Map<String, String> features(ProfileState state, Instant asOf) {
    FeatureValues values =
        PortraitFeatures.catalogue()
            .evaluate(new ProfileView(state, asOf, ZoneId.of("Asia/Shanghai")));
    Map<String, String> out = new LinkedHashMap<>();
    values
        .asMap()
        .forEach((k, v) -> out.put(k, v instanceof int[][] m ? deep(m) : String.valueOf(v)));
    return out;
  }

  private static String deep(int[][] m) {
    return java.util.Arrays.deepToString(m);
  }
}
