package io.huaxiang.server.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.event.EventTimePolicy;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.core.portrait.PortraitEngine;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.tag.TagRuleSet;
import io.huaxiang.server.ingest.IngestService;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.server.privacy.ErasedUsers;
import io.huaxiang.server.privacy.FieldKeys;
import io.huaxiang.server.privacy.ProcessingGate;
import io.huaxiang.store.Database;
import io.huaxiang.store.DeadLetterStore;
import io.huaxiang.store.EventSealer;
import io.huaxiang.store.EventStore;
import io.huaxiang.store.FieldProtection;
import io.huaxiang.store.ProfileStore;
import io.huaxiang.store.SubjectStore;
import io.huaxiang.store.TagHistoryStore;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The objects Huaxiang runs on, built explicitly from settings: the server registers them as beans,
 * the CLI uses them directly, tests build them on a test database.
 */
public final class HuaxiangRuntime implements AutoCloseable {
  private final Database database;
  private final EventJson eventJson = new EventJson();
  private final EventStore events;
  private final ProfileStore profiles;
  private final TagHistoryStore tagHistory;
  private final DeadLetterStore deadLetters;
  private final PortraitService portraits;
  private final IngestService ingest;

  private final FieldKeys keys;
  private final SubjectStore subjects;
  private final ErasedUsers erased;
  private final ProcessingGate gate;
  private final FieldProtection protection;

  /** A runtime whose keys come from the environment or the key file under the data dir. */
  public HuaxiangRuntime(
      Database database, HuaxiangProperties settings, ObjectMapper json, Clock clock) {
    this(database, settings, json, clock, FieldKeys.fromEnvironment(settings.dataDir()));
  }

  public HuaxiangRuntime(
      Database database,
      HuaxiangProperties settings,
      ObjectMapper json,
      Clock clock,
      FieldKeys keys) {
    this.database = database;
    this.keys = keys;
    this.protection = keys.open();
    ZoneId zone = ZoneId.of(settings.zone());
    PortraitEngine engine =
        new PortraitEngine(
            zone, PortraitFeatures.catalogue(), TagRuleSet.standard(PortraitFeatures.catalogue()));
    this.events = new EventStore(database.dataSource(), new EventSealer(eventJson, protection));
    this.profiles = new ProfileStore(database.dataSource(), "portraits");
    this.tagHistory = new TagHistoryStore(database.dataSource());
    this.deadLetters = new DeadLetterStore(database.dataSource(), protection);
    this.portraits = new PortraitService(engine, events, profiles, tagHistory, json, clock);
    this.subjects = new SubjectStore(database.dataSource());
    this.erased = new ErasedUsers(subjects);
    this.portraits.exclude(erased);
    this.gate = new ProcessingGate(events, erased);
    this.ingest =
        new IngestService(
            events,
            deadLetters,
            portraits,
            new EventTimePolicy(settings.ingest().futureTolerance()),
            clock,
            gate);
  }

  /** Opens the configured database (embedded unless an URL is set) and migrates it. */
  public static Database openDatabase(HuaxiangProperties settings) {
    HuaxiangProperties.Db db = settings.db();
    Database database =
        db.external()
            ? Database.external(db.url(), db.user(), db.password(), db.poolSize())
            : Database.embedded(settings.dataDir().resolve("pg"), db.poolSize());
    return database.migrate();
  }

  public SubjectStore subjects() {
    return subjects;
  }

  public ErasedUsers erased() {
    return erased;
  }

  public ProcessingGate gate() {
    return gate;
  }

  public FieldKeys keys() {
    return keys;
  }

  public FieldProtection protection() {
    return protection;
  }

  public Database database() {
    return database;
  }

  public EventJson eventJson() {
    return eventJson;
  }

  public EventStore events() {
    return events;
  }

  public ProfileStore profiles() {
    return profiles;
  }

  public TagHistoryStore tagHistory() {
    return tagHistory;
  }

  public DeadLetterStore deadLetters() {
    return deadLetters;
  }

  public PortraitService portraits() {
    return portraits;
  }

  public IngestService ingest() {
    return ingest;
  }

  @Override
  public void close() {
    database.close();
  }
}
