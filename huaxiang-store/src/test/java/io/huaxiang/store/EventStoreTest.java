package io.huaxiang.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.event.EventId;
import io.huaxiang.core.event.EventType;
import io.huaxiang.core.event.SessionStarted;
import io.huaxiang.core.event.TransactionMade;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.core.lending.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventStoreTest {
  private static Database db;
  private static EventStore store;
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

  @BeforeAll
  static void start() {
    db = TestDatabase.fresh();
    store = new EventStore(db.dataSource(), new EventJson());
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void appendsOnceAndReportsDuplicatesWithinAndAcrossBatches() {
    UserEvent a = session("dup-a", "u-dup", 0);
    UserEvent b = session("dup-b", "u-dup", 1);

    AppendResult first = store.append(List.of(a, b, a), NOW);
    AppendResult second = store.append(List.of(b, session("dup-c", "u-dup", 2)), NOW);

    assertThat(first.accepted()).isEqualTo(2);
    assertThat(first.appended()).extracting(StoredEvent::event).containsExactly(a, b);
    assertThat(second.previousSeq()).isEqualTo(first.lastSeq());
    assertThat(first.duplicates()).containsExactly(new EventId("dup-a"));
    assertThat(second.accepted()).isEqualTo(1);
    assertThat(second.duplicates()).containsExactly(new EventId("dup-b"));
    assertThat(store.countForUser(new UserId("u-dup"))).isEqualTo(3);
  }

  @Test
  void readsBackTheSameEventsInSequenceAndTimelineOrder() {
    List<UserEvent> events =
        List.of(session("t-1", "u-t", 5), session("t-2", "u-t", 1), session("t-3", "u-t", 9));
    long before = store.lastSeq();
    store.append(events, NOW);

    List<StoredEvent> after = store.readAfter(before, 10);
    assertThat(after).extracting(StoredEvent::event).containsExactlyElementsOf(events);
    assertThat(store.timeline(new UserId("u-t"), 0, 2))
        .extracting(s -> s.event().id().value())
        .containsExactly("t-3", "t-1");
    assertThat(store.timeline(new UserId("u-t"), 1, 2))
        .extracting(s -> s.event().id().value())
        .containsExactly("t-2");
  }

  @Test
  void readsOneTypeWithinASequenceRange() {
    long before = store.lastSeq();
    UserEvent tx1 = transaction("ty-1", "u-ty", 1);
    UserEvent tx2 = transaction("ty-2", "u-ty", 3);
    store.append(List.of(session("ty-s1", "u-ty", 0), tx1, session("ty-s2", "u-ty", 2)), NOW);
    long middle = store.lastSeq();
    store.append(List.of(tx2), NOW);

    assertThat(store.readAfter(before, middle, EventType.TRANSACTION, 10))
        .extracting(StoredEvent::event)
        .containsExactly(tx1);
    assertThat(store.readAfter(before, store.lastSeq(), EventType.TRANSACTION, 10))
        .extracting(StoredEvent::event)
        .containsExactly(tx1, tx2);
    assertThat(store.readAfter(before, store.lastSeq(), EventType.TRANSACTION, 1))
        .extracting(StoredEvent::event)
        .containsExactly(tx1);
  }

  @Test
  void keepsTextWithBackslashesTabsAndNewlinesExactly() {
    UserEvent odd =
        new io.huaxiang.core.event.PageViewed(
            new EventId("odd-1"),
            new UserId("u-odd"),
            NOW,
            "src\\x",
            "d\tev",
            "ip",
            "城市\n二",
            "C:\\path\\\"quoted\"\r\n",
            null);
    store.append(List.of(odd), NOW);
    assertThat(store.timeline(new UserId("u-odd"), 0, 1).get(0).event()).isEqualTo(odd);
  }

  @Test
  void aFollowerReadingBySequenceNeverMissesAConcurrentlyAppendedEvent() throws Exception {
    long start = store.lastSeq();
    int writers = 4;
    int batches = 40;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    AtomicBoolean done = new AtomicBoolean();
    Future<List<Long>> follower =
        pool.submit(
            () -> {
              List<Long> seen = new ArrayList<>();
              long last = start;
              while (true) {
                boolean finished = done.get();
                for (StoredEvent e : store.readAfter(last, 500)) {
                  seen.add(e.seq());
                  last = e.seq();
                }
                if (finished && store.readAfter(last, 1).isEmpty()) {
                  return seen;
                }
              }
            });
    List<Future<?>> writes = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      writes.add(
          pool.submit(
              () -> {
                for (int b = 0; b < batches; b++) {
                  List<UserEvent> batch = new ArrayList<>();
                  for (int i = 0; i < 5; i++) {
                    batch.add(session("c-" + writer + "-" + b + "-" + i, "u-c" + writer, i));
                  }
                  store.append(batch, NOW);
                }
              }));
    }
    for (Future<?> f : writes) {
      f.get(60, TimeUnit.SECONDS);
    }
    done.set(true);
    List<Long> seen = follower.get(60, TimeUnit.SECONDS);
    pool.shutdown();

    assertThat(seen).hasSize(writers * batches * 5).isSorted().doesNotHaveDuplicates();
  }

  private static UserEvent transaction(String id, String user, int minutes) {
    return new TransactionMade(
        new EventId(id),
        new UserId(user),
        NOW.plusSeconds(60L * minutes),
        "test",
        "grocery",
        Money.of("120.50"),
        true,
        false);
  }

  private static UserEvent session(String id, String user, int minutes) {
    return new SessionStarted(
        new EventId(id),
        new UserId(user),
        NOW.plusSeconds(60L * minutes),
        "test",
        "dev",
        "10.0.0.1",
        "上海");
  }
}
