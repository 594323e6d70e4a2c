package io.huaxiang.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.event.EventId;
import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.RelationKind;
import io.huaxiang.core.event.RelationLinked;
import io.huaxiang.core.event.SessionStarted;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.server.cli.HuaxiangCli;
import io.huaxiang.server.cli.TestJson;
import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.ingest.ParsedRecord;
import io.huaxiang.store.Database;
import io.huaxiang.store.DeadLetter;
import io.huaxiang.store.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identifiers never reach PostgreSQL in clear: the raw files of a real embedded PostgreSQL (tables,
 * indexes and write-ahead log) are searched byte by byte for the phone, card, ID number and device
 * sent in; key rotation re-encrypts every value and every read still works.
 */
class EncryptionAtRestTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final String PHONE = "13812345678";
  private static final String CONTACT = "13900001111";
  private static final String CARD = "6222021234567890128";
  private static final String ID_NUMBER = "11010519491231002X";
  private static final String DEVICE = "device-7f3a9c";

  @TempDir Path dir;

  @Test
  void noIdentifierIsStoredInClearAndRotationReencryptsEverything() throws Exception {
    HuaxiangProperties settings = new HuaxiangProperties(dir, null, null, null, null, null);
    UserId user = new UserId("u-rest-1");
    try (HuaxiangRuntime rt = runtime(settings)) {
      rt.portraits().start();
      ingest(rt);
      rt.portraits().snapshot();
      checkpoint(rt);

      // the key file is owner-only and outside the database directory
      Path keyFile = dir.resolve("keys").resolve("huaxiang.keys");
      assertThat(Files.getPosixFilePermissions(keyFile))
          .extracting(Object::toString)
          .allMatch(p -> p.startsWith("OWNER_"));

      assertReadsInClear(rt, user);
      assertThat(
              rt.events().usersLinkedTo(rt.events().sealer().phonePseudonym("+86 138 1234 5678")))
          .containsExactly(user);
      assertThat(rt.events().usersLinkedTo(rt.events().sealer().bankCardPseudonym(CARD)))
          .containsExactly(user);
      Map<String, Object> features =
          rt.portraits().read(user, NOW).orElseThrow().features().asMap();
      assertThat(features).containsEntry("linked_phone_count", 1.0);
      assertThat(features).containsEntry("linked_bank_card_count", 1.0);
    }
    assertNoClearIdentifierIn(dir.resolve("pg"));

    var out = new java.io.StringWriter();
    var cli = new picocli.CommandLine(new HuaxiangCli());
    cli.setOut(new java.io.PrintWriter(out, true));
    int code = cli.execute("keys", "rotate", "--data-dir", dir.toString());
    assertThat(code).as(out.toString()).isZero();
    assertThat(out.toString()).contains("added key / 新增密钥 k2").contains("under key k2");

    try (HuaxiangRuntime rt = runtime(settings)) {
      assertThat(rt.protection().activeKeyId()).isEqualTo("k2");
      assertThat(rt.events().keyUsage()).containsOnlyKeys("k2", "none");
      try (Connection c = rt.database().dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select (select count(*) from events where sealed::text like '%hx1:k1:%'),"
                      + " (select count(*) from dead_letters where record like 'hx1:k1:%'"
                      + " or message like 'hx1:k1:%'),"
                      + " (select count(*) from dead_letters where record like 'hx1:k2:%')")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
        assertThat(rs.getLong(2)).isZero();
        assertThat(rs.getLong(3)).isEqualTo(1);
      }
      assertReadsInClear(rt, user);
      rt.portraits().rebuild(n -> {});
      assertThat(rt.portraits().read(user, NOW).orElseThrow().features().asMap())
          .containsEntry("linked_phone_count", 1.0);
    }
  }

  private HuaxiangRuntime runtime(HuaxiangProperties settings) {
    Database db = Database.embedded(dir.resolve("pg"), 4).migrate();
    return new HuaxiangRuntime(db, settings, TestJson.mapper(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static void ingest(HuaxiangRuntime rt) {
    UserId u = new UserId("u-rest-1");
    Instant t = NOW.minusSeconds(3600);
    List<ParsedRecord> records = new ArrayList<>();
    EventJson json = rt.eventJson();
    records.add(
        ParsedRecord.ok(
            0,
            null,
            json.read(
                """
                {"type":"user_registered","id":"r-1","user_id":"u-rest-1","source":"app",
                 "occurred_at":"2026-05-31T22:00:00Z","id_number":"%s","city":"上海"}
                """
                    .formatted(ID_NUMBER))));
    // bank cards and contacts are sensitive data: processed only with that consent
    records.add(
        ok(
            6,
            new io.huaxiang.core.event.ConsentChanged(
                new EventId("r-0"),
                u,
                t.minusSeconds(60),
                "app",
                io.huaxiang.core.event.ConsentPurpose.SENSITIVE_DATA,
                true,
                "2026-01")));
    records.add(
        ok(1, new RelationLinked(new EventId("r-2"), u, t, "app", RelationKind.PHONE, PHONE)));
    records.add(
        ok(2, new RelationLinked(new EventId("r-3"), u, t, "app", RelationKind.BANK_CARD, CARD)));
    records.add(
        ok(
            3,
            new RelationLinked(
                new EventId("r-4"), u, t, "app", RelationKind.CONTACT, "+86 139 0000 1111")));
    records.add(
        ok(4, new SessionStarted(new EventId("r-5"), u, t, "app", DEVICE, "10.9.8.7", "上海")));
    String refused =
        """
        {"type":"relation","id":"r-6","user_id":"u-rest-1","source":"app","kind":"phone",
         "occurred_at":"2026-05-31T22:00:00Z","target":"%s","id_number":"%s"}
        """
            .formatted(PHONE, ID_NUMBER);
    try {
      json.read(refused);
      throw new AssertionError("the record should be refused");
    } catch (InvalidEventException e) {
      records.add(ParsedRecord.failed(5, refused, e));
    }
    rt.ingest().ingest(records, "test", null, true);
  }

  private static ParsedRecord ok(int position, UserEvent event) {
    return ParsedRecord.ok(position, null, event);
  }

  private static void assertReadsInClear(HuaxiangRuntime rt, UserId user) {
    List<StoredEvent> timeline = rt.events().timeline(user, 0, 50);
    assertThat(timeline)
        .extracting(StoredEvent::event)
        .filteredOn(RelationLinked.class::isInstance)
        .extracting(e -> ((RelationLinked) e).target())
        .containsExactlyInAnyOrder(PHONE, CARD, "+86 139 0000 1111");
    assertThat(timeline)
        .extracting(StoredEvent::event)
        .filteredOn(SessionStarted.class::isInstance)
        .extracting(e -> ((SessionStarted) e).deviceId())
        .containsExactly(DEVICE);
    List<DeadLetter> letters = rt.deadLetters().recent(10);
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).record()).contains(PHONE).contains(ID_NUMBER);
  }

  private static void checkpoint(HuaxiangRuntime rt) throws Exception {
    try (Connection c = rt.database().dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("checkpoint"); // tables and WAL on disk, as a thief would copy them
    }
  }

  /** Reads every file of the PostgreSQL data directory, as someone with the disk would. */
  private static void assertNoClearIdentifierIn(Path pgData) throws IOException {
    List<String> secrets =
        List.of(PHONE, CONTACT, "139 0000 1111", CARD, ID_NUMBER, DEVICE, "10.9.8.7");
    long scanned = 0;
    try (Stream<Path> files = Files.walk(pgData)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        byte[] bytes;
        try {
          bytes = Files.readAllBytes(f);
        } catch (IOException e) {
          continue; // sockets, lock files
        }
        scanned += bytes.length;
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
          assertThat(text.contains(secret))
              .as(secret + " in clear in " + pgData.relativize(f))
              .isFalse();
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    assertThat(scanned).as("bytes scanned").isGreaterThan(10_000_000L);
    // the scan can find things: the city is stored in clear and must show up
    assertThat(containsAnywhere(pgData, "上海")).isTrue();
  }

  private static boolean containsAnywhere(Path pgData, String text) throws IOException {
    String needle = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    try (Stream<Path> files = Files.walk(pgData)) {
      return files
          .filter(Files::isRegularFile)
          .anyMatch(
              f -> {
                try {
                  return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                      .contains(needle);
                } catch (IOException e) {
                  return false;
                }
              });
    }
  }
}
