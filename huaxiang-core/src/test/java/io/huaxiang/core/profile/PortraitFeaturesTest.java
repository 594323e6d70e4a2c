package io.huaxiang.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.event.EventId;
import io.huaxiang.core.event.LoanDisbursed;
import io.huaxiang.core.event.LoanId;
import io.huaxiang.core.event.RepaymentDue;
import io.huaxiang.core.event.RepaymentMade;
import io.huaxiang.core.event.RepaymentMode;
import io.huaxiang.core.event.SessionStarted;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.lending.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PortraitFeaturesTest {
  private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
  private final ProfileEngine engine = new ProfileEngine(CST);
  private final UserId user = new UserId("u1");
  private ProfileState state = engine.newState(user);
  private int n;

  @Test
  void countsActivityInSlidingCalendarWindowsOfTheLocalZone() {
    session("2026-03-10T23:30:00+08:00"); // local 10 March
    session("2026-03-10T16:30:00Z"); // 00:30 on 11 March in Shanghai, a night session
    session("2026-02-20T10:00:00+08:00");
    session("2025-10-01T10:00:00+08:00"); // beyond 90 days: lifetime only

    FeatureValues f = at("2026-03-11T12:00:00+08:00");

    assertThat(f.number("activity_count_1d")).isEqualTo(1);
    assertThat(f.number("activity_count_7d")).isEqualTo(2);
    assertThat(f.number("activity_count_30d")).isEqualTo(3);
    assertThat(f.number("activity_count_lifetime")).isEqualTo(4);
    assertThat(f.number("active_days_30d")).isEqualTo(3);
    assertThat(f.number("night_activity_share_30d")).isEqualTo(1.0 / 3);
    assertThat(f.number("days_since_last_activity")).isZero();
    assertThat(f.number("distinct_devices_lifetime")).isEqualTo(1);
  }

  @Test
  void duplicatesAreIgnored() {
    UserEvent e = session("2026-03-10T10:00:00+08:00");
    engine.apply(state, e);
    assertThat(state.eventCount()).isEqualTo(1);
    assertThat(at("2026-03-10T12:00:00+08:00").number("activity_count_1d")).isEqualTo(1);
  }

  @Test
  void daysPastDueComeFromDueAndPaidDates() {
    disburse("L1", "3000");
    due("L1", "2026-01-10", "1000");
    due("L1", "2026-02-10", "1000");
    due("L1", "2026-03-10", "1000");
    paid("L1", "2026-01-10", "2026-01-10", "1000"); // on time
    paid("L1", "2026-02-10", "2026-02-25", "1000"); // 15 days late

    FeatureValues f = at("2026-03-20T12:00:00+08:00");

    assertThat(f.number("current_dpd")).isEqualTo(10); // March instalment unpaid since 10 March
    assertThat(f.number("max_dpd_lifetime")).isEqualTo(15);
    assertThat(f.number("max_dpd_30d")).isEqualTo(15);
    assertThat(f.number("on_time_repayment_ratio_lifetime")).isEqualTo(0.5);
    assertThat(f.number("outstanding_balance")).isEqualTo(1000.0);
    assertThat(f.number("loans_outstanding_count")).isEqualTo(1);
    assertThat(at("2026-05-30T12:00:00+08:00").number("max_dpd_30d")).isEqualTo(81);
  }

  @Test
  void unknownValuesAreMissingNotZero() {
    session("2026-03-10T10:00:00+08:00");
    FeatureValues f = at("2026-03-10T12:00:00+08:00");
    assertThat(f.number("age")).isNaN();
    assertThat(f.asMap().get("age")).isNull();
    assertThat(f.number("days_since_last_application")).isNaN();
    assertThat(f.number("applications_count_lifetime")).isZero();
  }

  @Test
  void everyFeatureIsDocumentedWithBothLanguages() {
    for (FeatureDefinition d : PortraitFeatures.catalogue().definitions()) {
      assertThat(d.labelZh()).as(d.name()).isNotBlank();
      assertThat(d.labelEn()).as(d.name()).isNotBlank();
      assertThat(d.description()).as(d.name()).isNotBlank();
      assertThat(d.name()).matches("[a-z0-9_]+");
    }
  }

  private FeatureValues at(String time) {
    return PortraitFeatures.catalogue()
        .evaluate(new ProfileView(state, Instant.parse(time.replace("+08:00", "+08:00")), CST));
  }

  private UserEvent session(String time) {
    UserEvent e =
        new SessionStarted(
            id(), user, java.time.OffsetDateTime.parse(time).toInstant(), "t", "d1", "ip", "sh");
    state = engine.apply(state, e);
    return e;
  }

  private void disburse(String loan, String principal) {
    state =
        engine.apply(
            state,
            new LoanDisbursed(
                id(),
                user,
                Instant.parse("2025-12-10T02:00:00Z"),
                "t",
                new LoanId(loan),
                null,
                Money.of(principal),
                new BigDecimal("0.18"),
                3,
                RepaymentMode.MONTHLY_INSTALMENT));
  }

  private void due(String loan, String date, String amount) {
    LocalDate d = LocalDate.parse(date);
    state =
        engine.apply(
            state,
            new RepaymentDue(
                id(),
                user,
                d.atStartOfDay(CST).toInstant(),
                "t",
                new LoanId(loan),
                d,
                Money.of(amount)));
  }

  private void paid(String loan, String dueDate, String paidDate, String amount) {
    LocalDate p = LocalDate.parse(paidDate);
    state =
        engine.apply(
            state,
            new RepaymentMade(
                id(),
                user,
                p.atTime(12, 0).atZone(CST).toInstant(),
                "t",
                new LoanId(loan),
                LocalDate.parse(dueDate),
                p,
                Money.of(amount)));
  }

  private EventId id() {
    return new EventId("e" + (n++));
  }
}
