package io.huaxiang.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.huaxiang.core.event.ConsentChanged;
import io.huaxiang.core.event.ConsentPurpose;
import io.huaxiang.core.event.LoanApplied;
import io.huaxiang.core.event.LoanDisbursed;
import io.huaxiang.core.event.LoanPurpose;
import io.huaxiang.core.event.PageViewed;
import io.huaxiang.core.event.RepaymentMode;
import io.huaxiang.core.event.SessionStarted;
import io.huaxiang.core.event.TransactionMade;
import io.huaxiang.core.event.UserEvent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated population follows the published patterns listed in docs/demo-data.md. */
class DemoPatternsTest {
  static final DemoPopulation DEMO =
      new DemoPopulation(2024, 3_000, Instant.parse("2026-06-30T16:00:00Z"));
  static List<DemoUser> users;
  static List<UserEvent> events;

  @BeforeAll
  static void generate() {
    users = DEMO.users().toList();
    events = DEMO.events().toList();
  }

  @Test
  void agesConcentrateBetweenTwentyAndForty() {
    long young =
        users.stream()
            .map(
                u ->
                    Period.between(
                            u.birthDate(),
                            u.registeredAt().atOffset(ZoneOffset.ofHours(8)).toLocalDate())
                        .getYears())
            .filter(age -> age >= 20 && age < 40)
            .count();
    assertThat(share(young, users.size())).isBetween(0.78, 0.88);
    assertThat(users)
        .allMatch(
            u ->
                u.birthDate()
                    .isBefore(
                        u.registeredAt().atOffset(ZoneOffset.UTC).toLocalDate().minusYears(18)));
  }

  @Test
  void mostUsersLiveInTierOneAndTwoCities() {
    long big = users.stream().filter(u -> u.city().tier() <= 2).count();
    assertThat(share(big, users.size())).isBetween(0.65, 0.75);
    assertThat(users).anyMatch(u -> u.city().name().equals("上海") && u.city().tier() == 1);
  }

  @Test
  void twoThirdsOfLoansAreForConsumptionMostlyBetween500And5000() {
    List<LoanApplied> applied = of(LoanApplied.class);
    long consumption = applied.stream().filter(a -> a.purpose() == LoanPurpose.CONSUMPTION).count();
    long typical =
        applied.stream()
            .filter(a -> a.amount().toDouble() >= 500 && a.amount().toDouble() <= 5_000)
            .count();
    assertThat(applied).hasSizeGreaterThan(2_000);
    assertThat(share(consumption, applied.size())).isCloseTo(0.65, within(0.03));
    assertThat(share(typical, applied.size())).isBetween(0.80, 0.95);
  }

  @Test
  void aboutThirtyPercentOfLoansAreRepaidInMonthlyInstalments() {
    List<LoanDisbursed> loans = of(LoanDisbursed.class);
    long monthly =
        loans.stream().filter(l -> l.repaymentMode() == RepaymentMode.MONTHLY_INSTALMENT).count();
    assertThat(share(monthly, loans.size())).isCloseTo(0.30, within(0.04));
    assertThat(loans).allMatch(l -> l.apr().doubleValue() <= 0.24);
  }

  @Test
  void weekdayActivityPeaksAt9To11And14To16AndWeekendsAreBusier() {
    double[] weekdayByHour = new double[24];
    long weekday = 0;
    long weekend = 0;
    for (SessionStarted s : of(SessionStarted.class)) {
      LocalDateTime t = LocalDateTime.ofInstant(s.occurredAt(), ZoneOffset.ofHours(8));
      if (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY) {
        weekend++;
      } else {
        weekday++;
        weekdayByHour[t.getHour()]++;
      }
    }
    double peak =
        (weekdayByHour[9] + weekdayByHour[10] + weekdayByHour[14] + weekdayByHour[15]) / 4;
    double offPeak =
        (weekdayByHour[7] + weekdayByHour[12] + weekdayByHour[13] + weekdayByHour[18]) / 4;
    assertThat(peak).isGreaterThan(1.4 * offPeak);
    // per day: 2 weekend days against 5 weekdays
    assertThat(weekend / 2.0).isGreaterThan(1.2 * weekday / 5.0);
  }

  @Test
  void mostUsersConsentToCreditAssessmentAndTwoThirdsToMarketing() {
    Map<ConsentPurpose, Long> granted = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (ConsentChanged c : of(ConsentChanged.class)) {
      // the first decision per user and purpose is the one made at registration
      if (seen.add(c.userId() + "/" + c.purpose()) && c.granted()) {
        granted.merge(c.purpose(), 1L, Long::sum);
      }
    }
    assertThat(share(granted.get(ConsentPurpose.CREDIT_ASSESSMENT), users.size()))
        .isGreaterThan(0.94);
    assertThat(share(granted.get(ConsentPurpose.MARKETING), users.size())).isBetween(0.60, 0.70);
  }

  @Test
  void pageViewsFollowTheOperationPath() {
    Map<String, Set<String>> steps = new HashMap<>();
    for (PageViewed p : of(PageViewed.class)) {
      steps.computeIfAbsent(p.userId().value(), k -> new HashSet<>()).add(p.action().toString());
    }
    assertThat(steps.values()).allMatch(s -> s.contains("register"));
    long repaid = steps.values().stream().filter(s -> s.contains("repay")).count();
    assertThat(steps.values().stream().filter(s -> s.contains("repay")))
        .allMatch(s -> s.contains("apply") && s.contains("confirm"));
    assertThat(repaid).isGreaterThan(users.size() / 3);
  }

  @Test
  void transactionsSpanCategoriesOnlineAndOffline() {
    List<TransactionMade> tx = of(TransactionMade.class);
    long online = tx.stream().filter(TransactionMade::online).count();
    assertThat(tx.stream().map(TransactionMade::merchantCategory).distinct().count()).isEqualTo(9);
    assertThat(share(online, tx.size())).isBetween(0.5, 0.75);
  }

  @Test
  void fraudRingsShareADeviceAndDefaultMoreThanOthers() {
    Map<String, Set<String>> usersByDevice = new HashMap<>();
    for (SessionStarted s : of(SessionStarted.class)) {
      usersByDevice.computeIfAbsent(s.deviceId(), k -> new HashSet<>()).add(s.userId().value());
    }
    long sharedDevices = usersByDevice.values().stream().filter(u -> u.size() >= 3).count();
    long rings = users.stream().flatMap(u -> u.fraudRing().stream()).distinct().count();
    assertThat(rings).isGreaterThan(0);
    assertThat(sharedDevices).isEqualTo(rings);
    double ringRisk =
        users.stream()
            .filter(u -> u.fraudRing().isPresent())
            .mapToDouble(DemoUser::latentRisk)
            .average()
            .orElseThrow();
    double otherRisk =
        users.stream()
            .filter(u -> u.fraudRing().isEmpty())
            .mapToDouble(DemoUser::latentRisk)
            .average()
            .orElseThrow();
    assertThat(ringRisk).isGreaterThan(3 * otherRisk);
  }

  private static <T> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static double share(long part, long whole) {
    return (double) part / whole;
  }
}
