package io.huaxiang.server.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huaxiang.core.event.EventType;
import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.ingest.IngestReport;
import io.huaxiang.server.ingest.IngestService;
import io.huaxiang.server.ingest.ParsedRecord;
import io.huaxiang.server.portrait.PortraitReading;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.store.EventStore;
import io.huaxiang.store.StoredEvent;
import io.huaxiang.store.SubjectStore;
import io.huaxiang.store.TagHistoryStore;
import io.huaxiang.store.TagPeriod;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * Serves a person's rights over their data (PIPL Arts 44-47): a copy of everything held, the
 * correction of what is wrong, and erasure. Every request is recorded in the audit log; only the
 * compliance role may call it (see docs/security.md).
 */
public final class SubjectRights {
  /**
   * Registration fields a person may have corrected; the rest of an event is a fact, not a claim.
   */
  static final Set<String> CORRECTABLE =
      Set.of(
          "birth_date",
          "gender",
          "city",
          "city_tier",
          "education",
          "occupation",
          "income_band",
          "marital_status");

  /** Tables of other features that hold a user's rows, included in the export when present. */
  private static final List<String> OTHER_TABLES = List.of("decisions", "review_tasks");

  private final EventStore events;
  private final PortraitService portraits;
  private final TagHistoryStore tagHistory;
  private final SubjectStore subjects;
  private final ErasedUsers erased;
  private final IngestService ingest;
  private final EventJson eventJson;
  private final ObjectMapper json;
  private final AuditService audit;
  private final Clock clock;
  private final List<java.util.function.Consumer<String>> forgetters;

  public SubjectRights(
      EventStore events,
      PortraitService portraits,
      TagHistoryStore tagHistory,
      SubjectStore subjects,
      ErasedUsers erased,
      IngestService ingest,
      EventJson eventJson,
      ObjectMapper json,
      AuditService audit,
      Clock clock,
      List<java.util.function.Consumer<String>> forgetters) {
    this.forgetters = forgetters;
    this.events = events;
    this.portraits = portraits;
    this.tagHistory = tagHistory;
    this.subjects = subjects;
    this.erased = erased;
    this.ingest = ingest;
    this.eventJson = eventJson;
    this.json = json;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Everything held about a user, machine-readable: the raw events with identifiers decrypted, the
   * portrait (features and tags), tag history, consents, and rows of decisions and reviews.
   * Restricted records (kept after an erasure for a legal duty) are not part of it.
   */
  public ObjectNode export(UserId user, String actor, String requestRef) {
    requireKnown(user);
    Instant now = clock.instant();
    ObjectNode out = json.createObjectNode();
    out.put("format", "huaxiang-subject-export/1");
    out.put("user_id", user.value());
    out.put("generated_at", now.toString());
    out.put("generated_by", actor);
    out.put("request_ref", requestRef);
    out.put("legal_hold", subjects.hold(user.value()).isPresent());
    List<StoredEvent> history = events.history(user);
    var eventArray = out.putArray("events");
    var consents = out.putArray("consents");
    for (StoredEvent s : history) {
      JsonNode e = eventJson.mapper().valueToTree(s.event());
      eventArray.add(e);
      if (s.event().type() == EventType.CONSENT_CHANGED) {
        consents.add(e);
      }
    }
    ObjectNode portrait = out.putObject("portrait");
    portraits
        .read(user, now)
        .ifPresent(
            (PortraitReading r) -> {
              portrait.put("event_count", r.eventCount());
              portrait.set("features", json.valueToTree(r.features().asMap()));
              portrait.set("tags", json.valueToTree(r.tags()));
            });
    List<TagPeriod> periods = tagHistory.history(user.value());
    out.set("tag_history", json.valueToTree(periods));
    ObjectNode other = out.putObject("records");
    for (String table : OTHER_TABLES) {
      var rows = other.putArray(table);
      for (String row : subjects.rowsOf(table, user.value())) {
        rows.add(read(row));
      }
    }
    audit.record(
        actor,
        "DATA_SUBJECT_EXPORT",
        "PIPL_ACCESS_REQUEST",
        "user:" + user.value(),
        "request " + requestRef + "; " + history.size() + " events");
    return out;
  }

  /** What a correction did: the correcting event and the portrait features after it. */
  public record Correction(String eventId, JsonNode event, Map<String, Object> features) {}

  /**
   * Corrects declared registration details by appending a correcting {@code user_registered} event:
   * the latest registration wins in the portrait, so features follow at once, and the log keeps
   * what was said before and who corrected it.
   */
  public Correction correct(
      UserId user, Map<String, Object> fields, String actor, String requestRef) {
    requireKnown(user);
    if (fields == null || fields.isEmpty()) {
      throw badRequest("NOTHING_TO_CORRECT", "fields", "give the fields to correct", "请给出需更正的字段");
    }
    for (String f : fields.keySet()) {
      if (!CORRECTABLE.contains(f)) {
        throw badRequest(
            "NOT_CORRECTABLE",
            f,
            "field '" + f + "' cannot be corrected; correctable: " + String.join(", ", CORRECTABLE),
            "字段 " + f + " 不可更正");
      }
    }
    List<StoredEvent> registrations = events.ofType(user, EventType.USER_REGISTERED);
    ObjectNode corrected =
        registrations.isEmpty()
            ? json.createObjectNode()
            : (ObjectNode)
                eventJson.mapper().valueToTree(registrations.get(registrations.size() - 1).event());
    Instant now = clock.instant();
    String id = "correction-" + UUID.randomUUID();
    corrected.put("type", EventType.USER_REGISTERED.wire());
    corrected.put("id", id);
    corrected.put("user_id", user.value());
    corrected.put("occurred_at", now.toString());
    corrected.put("source", "correction");
    fields.forEach((k, v) -> corrected.set(k, json.valueToTree(v)));
    UserEvent event;
    try {
      event = eventJson.read(corrected);
    } catch (InvalidEventException e) {
      throw badRequest(e.reason().name(), e.field(), e.getMessage(), e.reason().zh());
    }
    IngestReport report =
        ingest.ingest(List.of(ParsedRecord.ok(0, null, event)), "correction", requestRef, true);
    if (report.accepted() != 1) {
      throw new ApiException(
          HttpStatus.CONFLICT, "NOT_APPLIED", "the correction was not stored", "更正未能保存");
    }
    audit.record(
        actor,
        "DATA_SUBJECT_CORRECTION",
        "PIPL_CORRECTION_REQUEST",
        "user:" + user.value(),
        "request "
            + requestRef
            + "; event "
            + id
            + "; fields "
            + String.join(",", fields.keySet()));
    Map<String, Object> features =
        portraits.read(user, now).map(r -> r.features().asMap()).orElse(Map.of());
    return new Correction(id, eventJson.mapper().valueToTree(event), features);
  }

  /**
   * Erases a user: no portrait, snapshot, tag history, segment membership, training extract, dead
   * letter or export will contain them afterwards. Loan and AML records (or, under a legal hold,
   * everything) move to restricted storage for their retention period.
   */
  public SubjectStore.Erasure erase(UserId user, String actor, String requestRef) {
    requireKnown(user);
    String id = user.value();
    erased.add(id); // first: ingestion and the projector keep the user out from now on
    portraits.forget(user);
    forgetters.forEach(f -> f.accept(id)); // e.g. in-memory segment membership
    SubjectStore.Erasure done = subjects.erase(id, actor, requestRef, clock.instant());
    portraits.forget(user); // a batch applied in between is dropped too
    subjects.deleteProfile(id);
    audit.record(
        actor,
        "DATA_SUBJECT_ERASURE",
        "PIPL_DELETION_REQUEST",
        "user:" + id,
        "request "
            + requestRef
            + "; deleted "
            + done.deleted()
            + " events, restricted "
            + done.restricted()
            + (done.onHold() ? " (legal hold)" : ""));
    return done;
  }

  public void placeHold(UserId user, String reason, String actor) {
    if (reason == null || reason.isBlank()) {
      throw badRequest("MISSING_REASON", "reason", "a legal hold needs a reason", "法律保全须注明原因");
    }
    subjects.placeHold(user.value(), reason.strip(), actor, clock.instant());
    audit.record(actor, "LEGAL_HOLD_PLACED", "LEGAL_OBLIGATION", "user:" + user.value(), reason);
  }

  public boolean releaseHold(UserId user, String actor) {
    boolean had = subjects.releaseHold(user.value());
    audit.record(
        actor,
        "LEGAL_HOLD_RELEASED",
        "LEGAL_OBLIGATION",
        "user:" + user.value(),
        had ? "" : "none");
    return had;
  }

  public SubjectStore subjects() {
    return subjects;
  }

  private void requireKnown(UserId user) {
    if (erased.test(user.value()) || events.countForUser(user) == 0) {
      throw ApiException.notFound("user '" + user.value() + "'", "该用户");
    }
  }

  private JsonNode read(String row) {
    try {
      return json.readTree(row);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable row", e);
    }
  }

  private static ApiException badRequest(String reason, String field, String en, String zh) {
    return new ApiException(HttpStatus.BAD_REQUEST, reason, en, zh);
  }
}
