package io.huaxiang.server.decision;

import io.huaxiang.core.event.ApplicationId;
import io.huaxiang.core.event.LoanDisbursed;
import io.huaxiang.core.event.UserId;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.portrait.PortraitChange;
import io.huaxiang.server.portrait.PortraitChangeListener;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.store.DecisionStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each borrower's committed credit (授信占用) true to their portrait: committed = the outstanding
 * principal of their loans + the approvals not yet drawn and not expired. So credit is released as
 * loans are repaid or closed, and when an approval expires undrawn; an approval whose application
 * was disbursed (a {@code loan_disbursed} with {@code application_id} {@code a-<decision id>})
 * counts through its loan from then on.
 *
 * <p>Portrait changes are only noted on the ingest path; one background thread re-computes the
 * borrowers that hold credit, and sweeps expired approvals every {@code sweepEvery}. Every change
 * is audited.
 */
final class CommitmentKeeper implements PortraitChangeListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CommitmentKeeper.class);
  private static final String ACTOR = "service:decisioning";
  private final DecisionStore store;
  private final PortraitService portraits;
  private final AuditService audit;
  private final Clock clock;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "huaxiang-commitments");
            t.setDaemon(true);
            return t;
          });

  CommitmentKeeper(
      DecisionStore store,
      PortraitService portraits,
      AuditService audit,
      Clock clock,
      Duration sweepEvery) {
    this.store = store;
    this.portraits = portraits;
    this.audit = audit;
    this.clock = clock;
    long every = Math.max(1, sweepEvery.toSeconds());
    worker.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.SECONDS);
  }

  @Override
  public boolean active() {
    return true;
  }

  @Override
  public void changed(List<PortraitChange> changes) {
    boolean idle = pending.isEmpty();
    for (PortraitChange c : changes) {
      pending.add(c.userId());
    }
    if (idle) {
      worker.execute(this::drainQuietly);
    }
  }

  /** Re-computes one borrower's committed credit now; empty when they hold none. */
  Optional<DecisionStore.Reconciliation> reconcile(String userId) {
    Instant now = clock.instant();
    record View(BigDecimal outstanding, Set<String> disbursed) {}
    View view =
        portraits
            .evaluate(
                new UserId(userId),
                now,
                (features, state) -> {
                  double v = features.number("outstanding_balance");
                  return new View(
                      v != v ? BigDecimal.ZERO : BigDecimal.valueOf(v),
                      state.disbursements().stream()
                          .map(LoanDisbursed::applicationId)
                          .filter(Objects::nonNull)
                          .map(ApplicationId::value)
                          .collect(Collectors.toSet()));
                })
            .orElse(new View(BigDecimal.ZERO, Set.of()));
    Optional<DecisionStore.Reconciliation> r =
        store.reconcile(userId, view.outstanding(), view.disbursed(), now);
    r.filter(x -> x.changed() || !x.drawn().isEmpty() || !x.expired().isEmpty())
        .ifPresent(this::audit);
    return r;
  }

  /** Releases every approval that expired undrawn (also run every {@code sweepEvery}). */
  int sweep() {
    int n = 0;
    for (String user : store.withExpiredGrants(clock.instant())) {
      n += reconcile(user).map(r -> r.expired().size()).orElse(0);
    }
    return n;
  }

  private void audit(DecisionStore.Reconciliation r) {
    audit.record(
        ACTOR,
        r.after().compareTo(r.before()) < 0 ? "CREDIT_RELEASED" : "CREDIT_COMMITMENT_UPDATED",
        "CREDIT_ASSESSMENT",
        "user:" + r.userId(),
        "committed="
            + r.before().toPlainString()
            + "->"
            + r.after().toPlainString()
            + " drawn="
            + r.drawn().size()
            + " expired="
            + r.expired().keySet());
  }

  private void drainQuietly() {
    try {
      List<String> users = new ArrayList<>(pending);
      pending.removeAll(users);
      for (String user : store.withCommitments(users)) {
        reconcile(user);
      }
    } catch (RuntimeException e) {
      // the next change or sweep re-computes; credit is never released by mistake, only later
      log.warn("committed credit could not be re-computed ({})", e.getClass().getSimpleName());
    }
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      log.warn("expired approvals could not be released ({})", e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
