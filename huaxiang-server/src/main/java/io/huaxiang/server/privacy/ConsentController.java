package io.huaxiang.server.privacy;

import io.huaxiang.core.event.ConsentChanged;
import io.huaxiang.core.event.ConsentPurpose;
import io.huaxiang.core.event.EventType;
import io.huaxiang.core.event.UserId;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.store.EventStore;
import io.huaxiang.store.StoredEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consent ledger of one user: the current state per purpose and every change, each with the
 * notice version it was given under. The ledger is the {@code consent_changed} events in the log.
 */
@RestController
@RequestMapping(
    path = "/api/v1/users/{userId}/consents",
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "consents", description = "Consent ledger / 授权记录")
class ConsentController {
  private final EventStore events;
  private final ErasedUsers erased;

  ConsentController(EventStore events, ErasedUsers erased) {
    this.events = events;
    this.erased = erased;
  }

  /** The state of one purpose: {@code granted} false and no change when never asked. */
  record PurposeState(
      String purpose,
      String labelZh,
      String labelEn,
      boolean granted,
      String noticeVersion,
      Instant changedAt,
      String eventId) {}

  record Change(
      String purpose,
      boolean granted,
      String noticeVersion,
      Instant at,
      String source,
      String eventId) {}

  record ConsentLedger(String userId, List<PurposeState> current, List<Change> history) {}

  @Operation(summary = "A user's consents: current state per purpose and the full history")
  @GetMapping
  ConsentLedger consents(@PathVariable String userId) {
    UserId user = new UserId(userId);
    if (erased.test(userId)) {
      throw ApiException.notFound("user '" + userId + "'", "该用户");
    }
    List<StoredEvent> stored = events.ofType(user, EventType.CONSENT_CHANGED);
    Map<ConsentPurpose, ConsentChanged> latest = new EnumMap<>(ConsentPurpose.class);
    List<Change> history = new ArrayList<>();
    for (StoredEvent s : stored) { // oldest first: the last one per purpose wins
      ConsentChanged c = (ConsentChanged) s.event();
      latest.put(c.purpose(), c);
      history.add(
          new Change(
              c.purpose().toString(),
              c.granted(),
              c.noticeVersion(),
              c.occurredAt(),
              c.source(),
              c.id().value()));
    }
    if (history.isEmpty() && events.countForUser(user) == 0) {
      throw ApiException.notFound("user '" + userId + "'", "该用户");
    }
    List<PurposeState> current = new ArrayList<>();
    for (ConsentPurpose p : ConsentPurpose.values()) {
      ConsentChanged c = latest.get(p);
      current.add(
          new PurposeState(
              p.toString(),
              p.zh(),
              p.en(),
              c != null && c.granted(),
              c == null ? null : c.noticeVersion(),
              c == null ? null : c.occurredAt(),
              c == null ? null : c.id().value()));
    }
    return new ConsentLedger(userId, current, history);
  }
}
