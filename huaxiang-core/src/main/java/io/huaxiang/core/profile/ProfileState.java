package io.huaxiang.core.profile;

import io.huaxiang.core.event.BureauReportReceived;
import io.huaxiang.core.event.ConsentChanged;
import io.huaxiang.core.event.ConsentPurpose;
import io.huaxiang.core.event.LoanDisbursed;
import io.huaxiang.core.event.OperationStep;
import io.huaxiang.core.event.RelationKind;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.UserRegistered;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.TreeMap;

/**
 * Everything Huaxiang keeps about one user to compute their portrait: commutative aggregates per
 * day (for sliding windows) and over the lifetime, loans with their instalments, and the latest
 * registration, bureau report and consents.
 *
 * <p>The state is a function of the <em>set</em> of events applied, not their order: sums are exact
 * (amounts in fen), "latest" values are chosen by event time then event id, and day buckets keep a
 * fixed horizon relative to each day. That is what lets a profile built from an out-of-order stream
 * with duplicates equal one rebuilt from the sorted, de-duplicated log.
 *
 * <p>It is owned by one {@link ProfileEngine} call at a time (a keyed operator in Flink, a per-user
 * lock in the server); it is mutable for speed and serialised by {@code ProfileStateCodec}.
 */
public final class ProfileState {
  /** How many calendar days of day buckets are kept: the longest sliding window. */
  static final int HORIZON_DAYS = 90;

  String userId;
  long eventCount;
  LongSet seenEvents = new LongSet();
  Instant firstEventAt;
  Instant lastEventAt;
  Instant lastActivityAt;
  Instant lastApplicationAt;
  Instant lastRepaymentAt;
  UserRegistered registration;
  DayBucket[] days = new DayBucket[HORIZON_DAYS];

  Tally lifetime = new Tally();
  int[] heatmap = new int[7 * 24];
  LongSet devices = new LongSet();
  LongSet ips = new LongSet();
  LongSet cities = new LongSet();
  long maxApplicationFen;
  TreeMap<String, CategorySpend> categories = new TreeMap<>();
  TreeMap<String, LoanState> loans = new TreeMap<>();
  BureauReportReceived bureau;
  EnumMap<ConsentPurpose, ConsentChanged> consents = new EnumMap<>(ConsentPurpose.class);
  EnumMap<RelationKind, LongSet> relations = new EnumMap<>(RelationKind.class);
  EnumMap<FunnelStage, Instant> funnel = new EnumMap<>(FunnelStage.class);
  OperationStep furthestStep;

  ProfileState() {}

  ProfileState(UserId user) {
    this.userId = user.value();
  }

  public UserId userId() {
    return new UserId(userId);
  }

  public long eventCount() {
    return eventCount;
  }

  /** Event time of the latest event applied, or null for an empty profile. */
  public Instant lastEventAt() {
    return lastEventAt;
  }

  public Instant firstEventAt() {
    return firstEventAt;
  }

  /** The user's current consent for a purpose: the latest change by event time, else none. */
  public boolean hasConsent(ConsentPurpose purpose) {
    ConsentChanged c = consents.get(purpose);
    return c != null && c.granted();
  }

  /**
   * The disbursements of the user's loans (the latest by event time for each loan), in loan id
   * order: what borrowing-pattern rules read.
   */
  public List<LoanDisbursed> disbursements() {
    List<LoanDisbursed> out = new ArrayList<>();
    for (LoanState loan : loans.values()) {
      if (loan.disbursement != null) {
        out.add(loan.disbursement);
      }
    }
    return out;
  }

  /** True if the event with this id has already been applied (duplicates are ignored). */
  public boolean hasSeen(UserEvent event) {
    return seenEvents.contains(LongSet.hash(event.id().value()));
  }
}
