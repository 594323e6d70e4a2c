package io.huaxiang.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.json.EventJson;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoPopulationTest {
  static final Instant END = Instant.parse("2026-06-30T16:00:00Z");

  @Test
  void theSameSeedGivesTheSameEventsAndIds() {
    EventJson json = new EventJson();
    DemoPopulation a = new DemoPopulation(42, 50, END);
    DemoPopulation b = new DemoPopulation(42, 50, END);

    List<String> first = a.events().map(json::write).toList();
    List<String> second = b.events().map(json::write).toList();

    assertThat(first).hasSizeGreaterThan(1_000).isEqualTo(second);
  }

  @Test
  void anotherSeedGivesOtherUsers() {
    DemoPopulation a = new DemoPopulation(42, 20, END);
    DemoPopulation b = new DemoPopulation(43, 20, END);
    assertThat(a.users().map(DemoUser::latentRisk).toList())
        .isNotEqualTo(b.users().map(DemoUser::latentRisk).toList());
  }

  @Test
  void aUserIsTheSameWhetherGeneratedAloneOrWithTheOthers() {
    DemoPopulation demo = new DemoPopulation(7, 30, END);
    List<UserEvent> alone = demo.events(17);
    List<UserEvent> inStream =
        demo.events().filter(e -> e.userId().equals(DemoPopulation.userId(17))).toList();
    assertThat(inStream).isEqualTo(alone);
    assertThat(demo.user(DemoPopulation.userId(17))).isEqualTo(demo.user(17));
  }

  @Test
  void eachUsersEventsAreInEventTimeOrderInsideTheWindow() {
    DemoPopulation demo = new DemoPopulation(1, 200, END, 120);
    for (int i = 0; i < demo.size(); i++) {
      List<UserEvent> events = demo.events(i);
      assertThat(events)
          .isSortedAccordingTo(Comparator.comparing(UserEvent::occurredAt))
          .allMatch(e -> !e.occurredAt().isBefore(demo.start()) && e.occurredAt().isBefore(END));
      assertThat(events.stream().map(e -> e.id().value()).distinct().count())
          .isEqualTo(events.size());
    }
  }

  @Test
  void everyEventSurvivesTheJsonWireFormat() {
    EventJson json = new EventJson();
    new DemoPopulation(3, 40, END)
        .events()
        .forEach(e -> assertThat(json.read(json.write(e))).isEqualTo(e));
  }

  @Test
  void aMillionUsersStreamLazily() {
    DemoPopulation demo = new DemoPopulation(42, 1_000_000, END);
    // only the first users are generated: the stream does not materialise the population
    assertThat(demo.events().limit(5_000).count()).isEqualTo(5_000);
    assertThat(demo.user(999_999).id().value()).isEqualTo("demo-0999999");
  }

  @Test
  void theOutOfOrderVariantHoldsTheSameEventsShuffledWithDuplicates() {
    DemoPopulation demo = new DemoPopulation(5, 10, END);
    List<UserEvent> ordered = demo.events(3);
    List<UserEvent> shuffled = demo.outOfOrder(3, 99, 0.1);

    assertThat(shuffled).containsAll(ordered).hasSizeGreaterThan(ordered.size());
    assertThat(shuffled.stream().distinct().toList()).hasSameSizeAs(ordered);
    assertThat(shuffled).isNotEqualTo(ordered);
    assertThat(demo.outOfOrder(3, 99, 0.1)).isEqualTo(shuffled);
  }

  @Test
  void rejectsAnEmptyPopulationAndAnUnknownUser() {
    assertThatThrownBy(() -> new DemoPopulation(1, 0, END))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 user");
    DemoPopulation demo = new DemoPopulation(1, 10, END);
    assertThatThrownBy(() -> demo.user(10))
        .hasMessage("user index 10 is outside this population of 10 users");
    assertThatThrownBy(() -> demo.user(new io.huaxiang.core.event.UserId("tw-1")))
        .hasMessage("not a demo user id: tw-1");
  }

  @Test
  void usersAreIndexedFromZero() {
    DemoPopulation demo = new DemoPopulation(1, 3, END);
    assertThat(demo.users().map(u -> u.id().value()))
        .containsExactly("demo-0000000", "demo-0000001", "demo-0000002");
    assertThat(IntStream.range(0, 3).mapToObj(demo::user).map(DemoUser::index))
        .containsExactly(0, 1, 2);
  }
}
