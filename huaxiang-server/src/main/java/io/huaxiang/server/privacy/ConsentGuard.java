package io.huaxiang.server.privacy;

import io.huaxiang.core.event.ConsentChanged;
import io.huaxiang.core.event.ConsentPurpose;
import io.huaxiang.core.event.UserId;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.store.EventStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The one check every processing step makes before using a person's data for a purpose that needs
 * consent (PIPL Arts 13-17): credit assessment before scoring, credit-bureau query before a bureau
 * report is taken in, marketing before an export.
 *
 * <p>It reads the user's latest consent for the purpose from the event log, not from a cached
 * portrait, so a withdrawal acknowledged by ingestion takes effect on the very next request. A
 * refusal is logged and recorded in the audit log ({@code CONSENT_REFUSED}) and answered with HTTP
 * 451 (unavailable for legal reasons: the caller's role may do this, the law does not allow it for
 * this user) and reason {@code CONSENT_MISSING}.
 */
public final class ConsentGuard {
  private static final Logger log = LoggerFactory.getLogger(ConsentGuard.class);

  private final EventStore events;
  private final ErasedUsers erased;
  private final AuditService audit;

  public ConsentGuard(EventStore events, ErasedUsers erased, AuditService audit) {
    this.events = events;
    this.erased = erased;
    this.audit = audit;
  }

  /** Whether the user's latest consent for the purpose is granted (false if erased or none). */
  public boolean granted(UserId user, ConsentPurpose purpose) {
    if (erased.test(user.value())) {
      return false;
    }
    ConsentChanged c = events.latestConsents(List.of(user.value()), purpose).get(user.value());
    return c != null && c.granted();
  }

  /**
   * Refuses, with an audited 403, processing the user's data for the purpose without consent.
   *
   * @param actor who asks (recorded)
   * @param processing what would have been done, e.g. {@code model:3 score}
   */
  public void require(UserId user, ConsentPurpose purpose, String actor, String processing) {
    if (granted(user, purpose)) {
      return;
    }
    log.warn("refused {} for user {}: no {} consent", processing, user, purpose);
    audit.record(
        actor,
        "CONSENT_REFUSED",
        purpose.name(),
        "user:" + user.value(),
        processing + " refused: no consent for " + purpose);
    throw new ApiException(
        HttpStatus.UNAVAILABLE_FOR_LEGAL_REASONS,
        "CONSENT_MISSING",
        "user '"
            + user.value()
            + "' has not consented to "
            + purpose.en()
            + "; "
            + processing
            + " refused",
        "该用户未授权「" + purpose.zh() + "」，已拒绝处理");
  }
}
