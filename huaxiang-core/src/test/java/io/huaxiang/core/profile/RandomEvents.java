package io.huaxiang.core.profile;

import io.huaxiang.core.event.ApplicationId;
import io.huaxiang.core.event.BureauReportReceived;
import io.huaxiang.core.event.ConsentChanged;
import io.huaxiang.core.event.ConsentPurpose;
import io.huaxiang.core.event.DecisionOutcome;
import io.huaxiang.core.event.Education;
import io.huaxiang.core.event.EventId;
import io.huaxiang.core.event.Gender;
import io.huaxiang.core.event.IncomeBand;
import io.huaxiang.core.event.LoanApplied;
import io.huaxiang.core.event.LoanDecided;
import io.huaxiang.core.event.LoanDisbursed;
import io.huaxiang.core.event.LoanId;
import io.huaxiang.core.event.LoanPurpose;
import io.huaxiang.core.event.MaritalStatus;
import io.huaxiang.core.event.OperationStep;
import io.huaxiang.core.event.PageViewed;
import io.huaxiang.core.event.RelationKind;
import io.huaxiang.core.event.RelationLinked;
import io.huaxiang.core.event.RepaymentDue;
import io.huaxiang.core.event.RepaymentMade;
import io.huaxiang.core.event.RepaymentMode;
import io.huaxiang.core.event.SessionStarted;
import io.huaxiang.core.event.TransactionMade;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.UserRegistered;
import io.huaxiang.core.lending.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random event histories of one user, touching every event type and edge. */
final class RandomEvents {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private RandomEvents() {}

  static List<UserEvent> history(UserId user, long seed, int count) {
    Random r = new Random(seed);
    List<UserEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(event(user, r, i));
    }
    return events;
  }

  private static UserEvent event(UserId user, Random r, int i) {
    EventId id = new EventId(user.value() + "-e" + i);
    // spread over 300 days so some events fall outside the 90-day horizon of others
    Instant at = START.plus(Duration.ofMinutes(r.nextInt(300 * 24 * 60)));
    String src = "test";
    String loan = "L" + r.nextInt(3);
    LocalDate due = LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(r.nextInt(40));
    return switch (r.nextInt(12)) {
      case 0 ->
          new UserRegistered(
              id,
              user,
              at,
              src,
              LocalDate.of(1980 + r.nextInt(25), 1 + r.nextInt(12), 1 + r.nextInt(28)),
              Gender.values()[r.nextInt(3)],
              "city" + r.nextInt(4),
              1 + r.nextInt(5),
              Education.values()[r.nextInt(5)],
              "job",
              IncomeBand.values()[r.nextInt(6)],
              MaritalStatus.values()[r.nextInt(4)],
              "app");
      case 1 ->
          new SessionStarted(
              id, user, at, src, "d" + r.nextInt(4), "ip" + r.nextInt(6), "city" + r.nextInt(3));
      case 2 ->
          new PageViewed(
              id,
              user,
              at,
              src,
              "d" + r.nextInt(4),
              "ip" + r.nextInt(6),
              null,
              "p",
              OperationStep.values()[r.nextInt(5)]);
      case 3 ->
          new LoanApplied(
              id,
              user,
              at,
              src,
              new ApplicationId("A" + r.nextInt(5)),
              money(r),
              1 + r.nextInt(24),
              LoanPurpose.values()[r.nextInt(5)],
              "app",
              "d" + r.nextInt(4),
              null,
              null);
      case 4 ->
          new LoanDecided(
              id,
              user,
              at,
              src,
              new ApplicationId("A" + r.nextInt(5)),
              DecisionOutcome.values()[r.nextInt(4)],
              null,
              List.of());
      case 5 ->
          new LoanDisbursed(
              id,
              user,
              at,
              src,
              new LoanId(loan),
              null,
              money(r),
              new BigDecimal("0.18"),
              12,
              RepaymentMode.values()[r.nextInt(3)]);
      case 6 -> new RepaymentDue(id, user, at, src, new LoanId(loan), due, money(r));
      case 7 ->
          new RepaymentMade(
              id,
              user,
              at,
              src,
              new LoanId(loan),
              due,
              due.plusDays(r.nextInt(3) == 0 ? r.nextInt(60) : 0),
              money(r));
      case 8 ->
          new TransactionMade(
              id, user, at, src, "cat" + r.nextInt(4), money(r), r.nextBoolean(), false);
      case 9 ->
          new BureauReportReceived(
              id,
              user,
              at,
              src,
              "b",
              r.nextInt(10),
              r.nextInt(5),
              r.nextInt(3),
              r.nextInt(8),
              money(r));
      case 10 ->
          new RelationLinked(
              id, user, at, src, RelationKind.values()[r.nextInt(5)], "t" + r.nextInt(5));
      default ->
          new ConsentChanged(
              id, user, at, src, ConsentPurpose.values()[r.nextInt(5)], r.nextBoolean(), "v1");
    };
  }

  private static Money money(Random r) {
    return new Money(BigDecimal.valueOf(1 + r.nextInt(500_000), 2));
  }
}
