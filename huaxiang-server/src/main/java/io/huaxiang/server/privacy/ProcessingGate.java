package io.huaxiang.server.privacy;

import io.huaxiang.core.event.BureauReportReceived;
import io.huaxiang.core.event.ConsentChanged;
import io.huaxiang.core.event.ConsentPurpose;
import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.RejectReason;
import io.huaxiang.core.event.RelationKind;
import io.huaxiang.core.event.RelationLinked;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.server.ingest.IngestGate;
import io.huaxiang.store.EventStore;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The privacy rules ingestion applies to the person behind each event:
 *
 * <ul>
 *   <li>a credit-bureau report is only kept if the user's latest consent for credit-bureau queries
 *       (by event time, in the log or earlier in the same batch) is granted: a report obtained
 *       without consent must not be processed (PIPL Art 13, the credit-reporting rules);
 *   <li>sensitive personal information (PIPL Art 28) is only kept with the user's separate consent
 *       for sensitive data (Art 29): a {@code relation} to a bank card (a financial account) or to
 *       a contact (relationship and contact-book data) needs {@code sensitive_data} granted, the
 *       same way;
 *   <li>events of a user whose data was erased are refused.
 * </ul>
 *
 * Every channel is checked, the bulk loader's included. The one exemption is the {@link #BACKFILL}
 * channel, used only by {@code BulkLoader.backfill} for a historical back-fill (the demo
 * population, the UCI Taiwan import) from a trusted process on the server host; each back-fill run
 * is recorded in the audit log before its first event ({@code CONSENT_CHECK_BACKFILL}).
 *
 * <p>Each refusal is logged (user ids only) and handed to {@link #onRefusal}, which the server
 * points at the audit log.
 */
public final class ProcessingGate implements IngestGate {
  private static final Logger log = LoggerFactory.getLogger(ProcessingGate.class);

  /** One refused event, for the audit log. */
  public record Refusal(UserEvent event, RejectReason reason, String why) {}

  /**
   * The historical back-fill channel: it keeps two batches in flight, so a consent in one batch may
   * commit after the report in the next, and the back-filled history already holds the consents it
   * was generated or converted with. Not reachable over HTTP; audited per run.
   */
  public static final String BACKFILL = "backfill";

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

  /** The consent an event needs before it may be kept, if any. */
  static Optional<ConsentPurpose> consentNeeded(UserEvent e) {
    if (e instanceof BureauReportReceived) {
      return Optional.of(ConsentPurpose.CREDIT_BUREAU_QUERY);
    }
    if (e instanceof RelationLinked r
        && (r.kind() == RelationKind.BANK_CARD || r.kind() == RelationKind.CONTACT)) {
      return Optional.of(ConsentPurpose.SENSITIVE_DATA);
    }
    return Optional.empty();
  }

  @Override
  public Map<Integer, InvalidEventException> refuse(List<UserEvent> batch, String channel) {
    Map<Integer, InvalidEventException> out = new HashMap<>();
    Map<ConsentPurpose, Set<String>> needing = new EnumMap<>(ConsentPurpose.class);
    for (int i = 0; i < batch.size(); i++) {
      UserEvent e = batch.get(i);
      if (erased.test(e.userId().value())) {
        out.put(
            i, refused(e, RejectReason.SUBJECT_ERASED, "user_id", "the user's data was erased"));
      } else {
        consentNeeded(e)
            .ifPresent(
                p ->
                    needing.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(e.userId().value()));
      }
    }
    if (needing.isEmpty() || channel.equals(BACKFILL)) {
      return out;
    }
    Map<ConsentPurpose, Map<String, ConsentChanged>> latest = new EnumMap<>(ConsentPurpose.class);
    needing.forEach((p, users) -> latest.put(p, events.latestConsents(users, p)));
    for (int i = 0; i < batch.size(); i++) {
      UserEvent e = batch.get(i);
      if (out.containsKey(i)) {
        continue;
      }
      if (e instanceof ConsentChanged c && latest.containsKey(c.purpose())) {
        latest.get(c.purpose()).merge(c.userId().value(), c, ProcessingGate::later);
        continue;
      }
      Optional<ConsentPurpose> purpose = consentNeeded(e);
      if (purpose.isPresent()) {
        ConsentChanged consent = latest.get(purpose.get()).get(e.userId().value());
        if (consent == null || !consent.granted()) {
          out.put(
              i,
              refused(
                  e,
                  RejectReason.CONSENT_MISSING,
                  "user_id",
                  "no consent for "
                      + purpose.get().en()
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
