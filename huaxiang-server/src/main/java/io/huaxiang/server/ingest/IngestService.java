package io.huaxiang.server.ingest;

import io.huaxiang.core.event.EventTimePolicy;
import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.privacy.LogRedactor;
import io.huaxiang.server.logging.SecretFields;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.store.AppendResult;
import io.huaxiang.store.DeadLetter;
import io.huaxiang.store.DeadLetterStore;
import io.huaxiang.store.EventStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes parsed records from any channel (REST, file import, demo loader), appends the valid events
 * to the log in one transaction, records the refused ones as dead letters, then brings the
 * portraits up to date so a read right after the acknowledgement sees the events.
 */
public final class IngestService {
  private final EventStore events;
  private final DeadLetterStore deadLetters;
  private final PortraitService portraits;
  private final EventTimePolicy timePolicy;
  private final Clock clock;
  private final IngestGate gate;

  public IngestService(
      EventStore events,
      DeadLetterStore deadLetters,
      PortraitService portraits,
      EventTimePolicy timePolicy,
      Clock clock) {
    this(events, deadLetters, portraits, timePolicy, clock, IngestGate.OPEN);
  }

  public IngestService(
      EventStore events,
      DeadLetterStore deadLetters,
      PortraitService portraits,
      EventTimePolicy timePolicy,
      Clock clock,
      IngestGate gate) {
    this.gate = gate;
    this.events = events;
    this.deadLetters = deadLetters;
    this.portraits = portraits;
    this.timePolicy = timePolicy;
    this.clock = clock;
  }

  /**
   * Ingests one batch. {@code project} false skips the portrait update for bulk loads that catch up
   * once at the end.
   */
  public IngestReport ingest(
      List<ParsedRecord> records, String channel, String origin, boolean project) {
    Instant now = clock.instant();
    List<UserEvent> valid = new ArrayList<>(records.size());
    List<Rejection> rejected = new ArrayList<>();
    List<DeadLetter> letters = new ArrayList<>();
    for (ParsedRecord r : records) {
      InvalidEventException error = r.error();
      if (error == null) {
        try {
          timePolicy.check(r.event(), now);
          valid.add(r.event());
          continue;
        } catch (InvalidEventException e) {
          error = e;
        }
      }
      rejected.add(
          new Rejection(r.position(), error.reason().name(), error.field(), error.getMessage()));
      letters.add(
          new DeadLetter(
              now,
              channel,
              origin,
              r.position(),
              error.reason().name(),
              error.field(),
              error.getMessage(),
              r.raw()));
    }
    valid = gated(records, valid, rejected, channel);
    AppendResult appended = events.append(valid, now);
    deadLetters.record(letters);
    portraits.offer(appended.previousSeq(), appended.appended());
    if (project && appended.accepted() > 0 && portraits.appliedSeq() < appended.lastSeq()) {
      portraits.catchUp(n -> {}); // someone else appended in between: read the log
    }
    return new IngestReport(
        records.size(),
        appended.accepted(),
        appended.duplicates().stream().map(Object::toString).toList(),
        rejected,
        appended.lastSeq());
  }

  /** Drops what the gate refuses; those are reported but not kept as dead letters. */
  private List<UserEvent> gated(
      List<ParsedRecord> records, List<UserEvent> valid, List<Rejection> rejected, String channel) {
    if (valid.isEmpty()) {
      return valid;
    }
    Map<Integer, InvalidEventException> refused = gate.refuse(valid, channel);
    if (refused.isEmpty()) {
      return valid;
    }
    Map<UserEvent, Long> positions = new IdentityHashMap<>();
    for (ParsedRecord r : records) {
      if (r.event() != null) {
        positions.put(r.event(), r.position());
      }
    }
    List<UserEvent> kept = new ArrayList<>(valid.size());
    for (int i = 0; i < valid.size(); i++) {
      InvalidEventException why = refused.get(i);
      if (why == null) {
        kept.add(valid.get(i));
      } else {
        rejected.add(
            new Rejection(
                positions.getOrDefault(valid.get(i), (long) i),
                why.reason().name(),
                why.field(),
                why.getMessage()));
      }
    }
    return kept;
  }

  /**
   * A refused record as it may be kept: authentication data (C3) never is, and ID numbers, phones
   * and card numbers are masked, since the dead-letter table is not encrypted.
   */
  static String storable(String text) {
    return text == null ? null : SecretFields.mask(LogRedactor.redact(text));
  }
}
