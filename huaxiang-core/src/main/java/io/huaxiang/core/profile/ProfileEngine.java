package io.huaxiang.core.profile;

import io.huaxiang.core.event.BureauReportReceived;
import io.huaxiang.core.event.ConsentChanged;
import io.huaxiang.core.event.DecisionOutcome;
import io.huaxiang.core.event.LoanApplied;
import io.huaxiang.core.event.LoanDecided;
import io.huaxiang.core.event.LoanDisbursed;
import io.huaxiang.core.event.PageViewed;
import io.huaxiang.core.event.RelationLinked;
import io.huaxiang.core.event.RepaymentDue;
import io.huaxiang.core.event.RepaymentMade;
import io.huaxiang.core.event.SessionStarted;
import io.huaxiang.core.event.TransactionMade;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.UserRegistered;
import io.huaxiang.core.lending.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Comparator;
import java.util.Objects;

/**
 * Folds user events into a {@link ProfileState}: {@code (state, event) -> state}.
 *
 * <p>No clock, no I/O: everything it needs comes in with the event (event time drives windows), so
 * the same instance runs embedded in the server and inside a Flink keyed operator. An event whose
 * id was already applied is ignored. The state passed in is updated in place and returned.
 */
public final class ProfileEngine {
  private static final long SECONDS_PER_DAY = 86_400;
  private static final Comparator<UserEvent> LATEST =
      Comparator.comparing(UserEvent::occurredAt).thenComparing(e -> e.id().value());

  private final ZoneRules zone;

  public ProfileEngine(ZoneId zone) {
    this.zone = zone.getRules();
  }

  /** The default for Chinese lenders: days and hours in China Standard Time. */
  public static ProfileEngine chinaStandardTime() {
    return new ProfileEngine(ZoneId.of("Asia/Shanghai"));
  }

  public ProfileState newState(UserId user) {
    return new ProfileState(Objects.requireNonNull(user, "user"));
  }

  public ProfileState apply(ProfileState state, UserEvent event) {
    if (!state.userId.equals(event.userId().value())) {
      throw new IllegalArgumentException(
          "event " + event.id() + " is for another user than profile " + state.userId);
    }
    if (!state.seenEvents.add(LongSet.hash(event.id().value()))) {
      return state;
    }
    state.eventCount++;
    Instant at = event.occurredAt();
    state.firstEventAt = min(state.firstEventAt, at);
    state.lastEventAt = max(state.lastEventAt, at);
    dispatch(state, event, LocalTime.of(at, zone));
    return state;
  }

  private void dispatch(ProfileState s, UserEvent event, LocalTime t) {
    if (event instanceof SessionStarted e) {
      activity(s, t, e.occurredAt());
      seen(s, t, e.deviceId(), e.ip(), e.city());
    } else if (event instanceof PageViewed e) {
      activity(s, t, e.occurredAt());
      seen(s, t, e.deviceId(), e.ip(), e.city());
      if (s.furthestStep == null || e.action().compareTo(s.furthestStep) > 0) {
        s.furthestStep = e.action();
      }
    } else if (event instanceof UserRegistered e) {
      activity(s, t, e.occurredAt());
      reached(s, FunnelStage.REGISTERED, e.occurredAt());
      if (s.registration == null || LATEST.compare(e, s.registration) > 0) {
        s.registration = e;
      }
    } else if (event instanceof LoanApplied e) {
      applied(s, t, e);
    } else if (event instanceof LoanDecided e) {
      decided(s, t, e);
    } else if (event instanceof LoanDisbursed e) {
      disbursed(s, e);
    } else if (event instanceof RepaymentDue e) {
      Instalment instalment = loan(s, e.loanId().value()).instalment(e.dueDate());
      if (instalment.due == null || LATEST.compare(e, instalment.due) > 0) {
        instalment.due = e;
        instalment.dueFen = fen(e.amount());
      }
    } else if (event instanceof RepaymentMade e) {
      repaid(s, t, e);
    } else if (event instanceof TransactionMade e) {
      transacted(s, t, e);
    } else if (event instanceof BureauReportReceived e) {
      if (s.bureau == null || LATEST.compare(e, s.bureau) > 0) {
        s.bureau = e;
      }
    } else if (event instanceof RelationLinked e) {
      s.relations.computeIfAbsent(e.kind(), k -> new LongSet()).add(LongSet.hash(e.target()));
    } else if (event instanceof ConsentChanged e) {
      ConsentChanged current = s.consents.get(e.purpose());
      if (current == null || LATEST.compare(e, current) > 0) {
        s.consents.put(e.purpose(), e);
      }
    }
  }

  private void activity(ProfileState s, LocalTime t, Instant at) {
    s.heatmap[t.weekday() * 24 + t.hour()]++;
    s.lastActivityAt = max(s.lastActivityAt, at);
    DayBucket day = day(s, t);
    count(s, day, Tally::active);
    if (day != null) {
      day.hours[t.hour()]++;
    }
  }

  private void seen(ProfileState s, LocalTime t, String device, String ip, String city) {
    DayBucket day = day(s, t);
    if (device != null) {
      long h = LongSet.hash(device);
      s.devices.add(h);
      if (day != null) {
        day.devices.add(h);
      }
    }
    if (ip != null) {
      long h = LongSet.hash(ip);
      s.ips.add(h);
      if (day != null) {
        day.ips.add(h);
      }
    }
    if (city != null) {
      long h = LongSet.hash(city);
      s.cities.add(h);
      if (day != null) {
        day.cities.add(h);
      }
    }
  }

  private void applied(ProfileState s, LocalTime t, LoanApplied e) {
    activity(s, t, e.occurredAt());
    seen(s, t, e.deviceId(), e.ip(), e.city());
    reached(s, FunnelStage.APPLIED, e.occurredAt());
    long amount = fen(e.amount());
    s.maxApplicationFen = Math.max(s.maxApplicationFen, amount);
    s.lastApplicationAt = max(s.lastApplicationAt, e.occurredAt());
    count(s, day(s, t), tally -> tally.applied(amount));
  }

  private void decided(ProfileState s, LocalTime t, LoanDecided e) {
    if (e.outcome() == DecisionOutcome.APPROVED) {
      reached(s, FunnelStage.APPROVED, e.occurredAt());
      count(s, day(s, t), Tally::approved);
    } else if (e.outcome() == DecisionOutcome.DECLINED) {
      count(s, day(s, t), Tally::declined);
    }
  }

  private void disbursed(ProfileState s, LoanDisbursed e) {
    reached(s, FunnelStage.DISBURSED, e.occurredAt());
    LoanState loan = loan(s, e.loanId().value());
    if (loan.disbursement == null || LATEST.compare(e, loan.disbursement) > 0) {
      loan.disbursement = e;
      loan.principalFen = fen(e.principal());
    }
  }

  private void repaid(ProfileState s, LocalTime t, RepaymentMade e) {
    activity(s, t, e.occurredAt());
    reached(s, FunnelStage.REPAID, e.occurredAt());
    loan(s, e.loanId().value()).instalment(e.dueDate()).pay(e.paidDate(), fen(e.amount()));
    int dpd = (int) Math.max(0, e.paidDate().toEpochDay() - e.dueDate().toEpochDay());
    s.lastRepaymentAt = max(s.lastRepaymentAt, e.occurredAt());
    count(s, day(s, t), tally -> tally.repaid(dpd));
  }

  private void transacted(ProfileState s, LocalTime t, TransactionMade e) {
    activity(s, t, e.occurredAt());
    long amount = fen(e.amount());
    boolean online = e.online();
    s.categories.computeIfAbsent(e.merchantCategory(), k -> new CategorySpend()).add(amount);
    DayBucket day = day(s, t);
    count(s, day, tally -> tally.transacted(amount, online));
    if (day != null) {
      day.categories.computeIfAbsent(e.merchantCategory(), k -> new CategorySpend()).add(amount);
    }
  }

  /**
   * The bucket for the event's day, or null when that day is beyond the horizon of a newer day
   * already kept in the same slot (then no sliding window can include it any more).
   */
  private static DayBucket day(ProfileState s, LocalTime t) {
    long epochDay = t.epochDay();
    int slot = (int) Math.floorMod(epochDay, ProfileState.HORIZON_DAYS);
    DayBucket bucket = s.days[slot];
    if (bucket == null || bucket.epochDay < epochDay) {
      bucket = new DayBucket(epochDay);
      s.days[slot] = bucket;
    } else if (bucket.epochDay > epochDay) {
      return null;
    }
    return bucket;
  }

  /** Records a change in the lifetime tally and, when the day is still kept, the day's tally. */
  private static void count(
      ProfileState s, DayBucket day, java.util.function.Consumer<Tally> change) {
    change.accept(s.lifetime);
    if (day != null) {
      change.accept(day.tally);
    }
  }

  private static LoanState loan(ProfileState s, String loanId) {
    return s.loans.computeIfAbsent(loanId, id -> new LoanState());
  }

  private static void reached(ProfileState s, FunnelStage stage, Instant at) {
    s.funnel.merge(stage, at, ProfileEngine::min);
  }

  static long fen(Money money) {
    return money.amount().movePointRight(2).longValueExact();
  }

  private static Instant min(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  /** Day, hour and weekday of an instant in the profile's zone, without allocating a calendar. */
  record LocalTime(long epochDay, int hour, int weekday) {
    static LocalTime of(Instant at, ZoneRules zone) {
      long local = at.getEpochSecond() + zone.getOffset(at).getTotalSeconds();
      long day = Math.floorDiv(local, SECONDS_PER_DAY);
      int hour = (int) (Math.floorMod(local, SECONDS_PER_DAY) / 3600);
      // epoch day 0 (1970-01-01) was a Thursday; Monday is weekday 0
      int weekday = (int) Math.floorMod(day + 3, 7);
      return new LocalTime(day, hour, weekday);
    }
  }
}
