package io.huaxiang.server.portrait;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.ingest.ParsedRecord;
import io.huaxiang.store.Database;
import io.huaxiang.store.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Portraits survive a restart through snapshots, and a rebuild from the log gives the same. */
class PortraitServiceTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private final HuaxiangProperties settings =
      new HuaxiangProperties(null, null, null, null, null, null);
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void restartRestoresSnapshotsAndReplaysOnlyTheRest() {
    String url = TestDatabase.freshUrl();
    Map<String, Object> before;
    try (HuaxiangRuntime first = runtime(url)) {
      first.portraits().start();
      ingest(first, events(0, 40));
      first.portraits().snapshot();
      ingest(first, events(40, 60)); // applied and stored, but not snapshotted
      before = read(first, "s-user");
    }
    try (HuaxiangRuntime second = runtime(url)) {
      second.portraits().start();
      assertThat(read(second, "s-user")).isEqualTo(before);
      assertThat(second.portraits().appliedSeq()).isEqualTo(second.events().lastSeq());
    }
  }

  @Test
  void anUnreadableSnapshotIsRebuiltFromTheLogInsteadOfFailingTheStart() {
    String url = TestDatabase.freshUrl();
    Map<String, Object> before;
    try (HuaxiangRuntime first = runtime(url)) {
      first.portraits().start();
      ingest(first, events(0, 30));
      first.portraits().snapshot();
      before = read(first, "s-user");
      var old = first.profiles().find("s-user").orElseThrow();
      first
          .profiles()
          .save(
              List.of(
                  new io.huaxiang.store.ProfileSnapshot(
                      old.userId(),
                      old.formatVersion(),
                      old.eventCount(),
                      old.lastEventAt(),
                      "{\"activity\": 3}",
                      old.featuresJson(),
                      old.tags(),
                      old.tagSinceJson(),
                      java.util.Map.of())),
              first.events().lastSeq(),
              NOW);
    }
    try (HuaxiangRuntime second = runtime(url)) {
      second.portraits().start();
      assertThat(read(second, "s-user")).isEqualTo(before);
    }
  }

  @Test
  void rebuildFromTheLogGivesTheSamePortraits() {
    try (HuaxiangRuntime rt = runtime(TestDatabase.freshUrl())) {
      rt.portraits().start();
      ingest(rt, events(0, 60));
      Map<String, Object> incremental = read(rt, "s-user");

      long replayed = rt.portraits().rebuild(n -> {});

      assertThat(replayed).isEqualTo(rt.events().count());
      assertThat(read(rt, "s-user")).isEqualTo(incremental);
      assertThat(rt.profiles().count()).isEqualTo(1);
    }
  }

  private HuaxiangRuntime runtime(String url) {
    Database db = Database.external(url, "postgres", null, 4).migrate();
    return new HuaxiangRuntime(db, settings, io.huaxiang.server.cli.TestJson.mapper(), clock);
  }

  private static void ingest(HuaxiangRuntime rt, List<UserEvent> events) {
    List<ParsedRecord> records = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      records.add(ParsedRecord.ok(i, null, events.get(i)));
    }
    rt.ingest().ingest(records, "test", null, true);
  }

  private static Map<String, Object> read(HuaxiangRuntime rt, String user) {
    PortraitReading r = rt.portraits().read(new UserId(user), NOW).orElseThrow();
    Map<String, Object> out = new java.util.LinkedHashMap<>(r.features().asMap());
    out.replaceAll((k, v) -> v instanceof int[][] m ? java.util.Arrays.deepToString(m) : v);
    out.put("tags", r.tags());
    out.put("event_count", r.eventCount());
    return out;
  }

  private static List<UserEvent> events(int from, int to) {
    return io.huaxiang.server.cli.TestJson.sampleHistory("s-user", from, to, NOW);
  }
}
