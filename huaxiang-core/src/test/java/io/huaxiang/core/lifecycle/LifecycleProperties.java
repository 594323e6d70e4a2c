package io.huaxiang.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.core.event.UserEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Event-time invariants of the lifecycle, on demo users' real event histories. */
class LifecycleProperties {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DemoPopulation DEMO =
      new DemoPopulation(3, 300, Instant.parse("2026-06-30T16:00:00Z"));
  private static final Lifecycle LIFECYCLE = new Lifecycle(LifecycleThresholds.DEFAULT);

  @Property(tries = 40)
  void aStageOnADayDependsOnlyOnEventsUpToThatDayAndNotOnTheirOrder(
      @ForAll @IntRange(min = 0, max = 299) int user,
      @ForAll @IntRange(min = 0, max = 240) int dayOffset,
      @ForAll @LongRange(min = 0, max = 1_000) long shuffle) {
    List<UserEvent> events = new ArrayList<>(DEMO.events(user));
    LocalDate first = LocalDate.ofInstant(events.get(0).occurredAt(), CHINA);
    LocalDate day = first.plusDays(dayOffset);

    LifecycleFacts all = facts(events);
    Collections.shuffle(events, new Random(shuffle));
    LifecycleFacts shuffled = facts(events);
    LifecycleFacts upToDay =
        facts(
            events.stream()
                .filter(e -> !LocalDate.ofInstant(e.occurredAt(), CHINA).isAfter(day))
                .toList());

    assertThat(LIFECYCLE.stageOn(shuffled, day)).isEqualTo(LIFECYCLE.stageOn(all, day));
    assertThat(LIFECYCLE.stageOn(upToDay, day)).isEqualTo(LIFECYCLE.stageOn(all, day));
  }

  @Property(tries = 20)
  void historyCoversEveryDayWithTheStageOfThatDay(@ForAll @IntRange(min = 0, max = 299) int user) {
    LifecycleFacts f = facts(DEMO.events(user));
    LocalDate until = LocalDate.ofInstant(DEMO.end(), CHINA).plusDays(100);
    List<StagePeriod> h = LIFECYCLE.history(f, until);

    assertThat(h.get(0).from()).isEqualTo(LocalDate.ofInstant(f.firstSeenAt(), CHINA));
    assertThat(h.get(h.size() - 1).to()).isEqualTo(until);
    for (int i = 0; i < h.size(); i++) {
      StagePeriod p = h.get(i);
      if (i > 0) {
        assertThat(p.from()).isEqualTo(h.get(i - 1).to().plusDays(1));
        assertThat(p.stage()).isNotEqualTo(h.get(i - 1).stage());
      }
      for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusDays(1)) {
        assertThat(LIFECYCLE.stageOn(f, d)).isEqualTo(p.stage());
      }
    }
    // 100 days after the data ends nobody is active any more
    assertThat(h.get(h.size() - 1).stage()).isEqualTo(LifecycleStage.CHURNED);
  }

  private static LifecycleFacts facts(List<UserEvent> events) {
    LifecycleFacts f = new LifecycleFacts(CHINA);
    for (UserEvent e : events) {
      f.add(e.type(), e.occurredAt());
    }
    return f;
  }
}
