package io.huaxiang.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.profile.ProfileStateCodec;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** A portrait built from a shuffled stream with duplicates equals the one built in order. */
class OutOfOrderDeliveryProperties {
  static final DemoPopulation DEMO =
      new DemoPopulation(11, 500, Instant.parse("2026-06-30T16:00:00Z"));

  @Property(tries = 40)
  void shuffledDeliveryWithDuplicatesGivesTheSamePortrait(
      @ForAll @IntRange(min = 0, max = 499) int user,
      @ForAll @LongRange(min = 0, max = 1_000) long shuffleSeed) {
    DemoPortraits portraits = new DemoPortraits(DEMO);
    ProfileStateCodec codec = new ProfileStateCodec();

    String ordered = codec.write(portraits.state(user, DEMO.events(user)));
    String shuffled = codec.write(portraits.state(user, DEMO.outOfOrder(user, shuffleSeed, 0.1)));

    assertThat(shuffled).isEqualTo(ordered);
  }
}
