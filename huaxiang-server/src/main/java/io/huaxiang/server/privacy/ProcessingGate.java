package io.huaxiang.server.privacy;

import io.huaxiang.core.event.BureauReportReceived;
import io.huaxiang.core.event.ConsentChanged;
import io.huaxiang.core.event.ConsentPurpose;
import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.RejectReason;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.server.ingest.IngestGate;
import io.huaxiang.store.EventStore;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The privacy rules ingestion applies to the person behind each event:
 *
 * <ul>
 *   <li>a credit-bureau report (from any channel but the bulk loader) is only kept if the user's
 *       latest consent for credit-bureau queries (by event time, in the log or earlier in the same
 *       batch) is granted: a report obtained without consent must not be processed (PIPL Art 13,
 *       the credit-reporting rules);
 *   <li>events of a user whose data was erased are refused.
 * </ul>
 *
 * Each refusal is logged (user ids only) and handed to {@link #onRefusal}, which the server points
 * at the audit log.
 */
public final class ProcessingGate implements IngestGate {
  private static final Logger log = LoggerFactory.getLogger(ProcessingGate.class);

  /** One refused event, for the audit log. */
  public record Refusal(UserEvent event, RejectReason reason, String why) {}

  /**
   * The bulk loader's channel (demo population, benchmarks): it keeps two batches in flight, so a
   * consent in one batch may commit after the report in the next; such history is not checked.
   */
  static final String BULK = "bulk";

  private final EventStore events;
  private final ErasedUsers erased;
  private volatile Consumer<Refusal> onRefusal = r -> {};

  public ProcessingGate(EventStore events, ErasedUsers erased) {
    this.events = events;
    this.erased = erased;
  }

  /** Where refusals go besides the log (the server: the audit log). */
  public void onRefusal(Consumer<Refusal> sink) {
    this.onRefusal = sink;
  }

  @Override
  public Map<Integer, InvalidEventException> refuse(List<UserEvent> batch, String channel) {
    Map<Integer, InvalidEventException> out = new HashMap<>();
    Set<String> bureauUsers = new LinkedHashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      UserEvent e = batch.get(i);
      if (erased.test(e.userId().value())) {
        out.put(
            i, refused(e, RejectReason.SUBJECT_ERASED, "user_id", "the user's data was erased"));
      } else if (e instanceof BureauReportReceived) {
        bureauUsers.add(e.userId().value());
      }
    }
    if (bureauUsers.isEmpty() || channel.equals(BULK)) {
      return out;
    }
    Map<String, ConsentChanged> latest =
        events.latestConsents(bureauUsers, ConsentPurpose.CREDIT_BUREAU_QUERY);
    for (int i = 0; i < batch.size(); i++) {
      UserEvent e = batch.get(i);
      if (e instanceof ConsentChanged c
          && c.purpose() == ConsentPurpose.CREDIT_BUREAU_QUERY
          && !out.containsKey(i)) {
        latest.merge(c.userId().value(), c, ProcessingGate::later);
      } else if (e instanceof BureauReportReceived && !out.containsKey(i)) {
        ConsentChanged consent = latest.get(e.userId().value());
        if (consent == null || !consent.granted()) {
          out.put(
              i,
              refused(
                  e,
                  RejectReason.CONSENT_MISSING,
                  "user_id",
                  "no consent for credit-bureau queries"
                      + (consent == null ? "" : " (withdrawn " + consent.occurredAt() + ")")));
        }
      }
    }
    return out;
  }

  private static ConsentChanged later(ConsentChanged a, ConsentChanged b) {
    return b.occurredAt().isAfter(a.occurredAt()) ? b : a;
  }

  private InvalidEventException refused(
      UserEvent e, RejectReason reason, String field, String why) {
    log.warn(
        "refused {} event {} of user {}: {}", e.type().wire(), e.id().value(), e.userId(), why);
    onRefusal.accept(new Refusal(e, reason, why));
    return new InvalidEventException(reason, field, reason.en() + ": " + why + " / " + reason.zh());
  }
}
