package io.huaxiang.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.lifecycle.Lifecycle;
import io.huaxiang.core.lifecycle.LifecycleFacts;
import io.huaxiang.core.lifecycle.LifecycleStage;
import io.huaxiang.core.lifecycle.LifecycleThresholds;
import io.huaxiang.server.cli.TestJson;
import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.demo.BulkLoader;
import io.huaxiang.store.Database;
import io.huaxiang.store.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle transitions and the churn model over a seeded demo population loaded into a real
 * PostgreSQL, checked against the same figures computed here straight from the generator's events.
 */
class ChurnAndLifecycleTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant END = Instant.parse("2026-06-30T16:00:00Z");
  private static final int USERS = 500;
  private static final DemoPopulation DEMO = new DemoPopulation(31, USERS, END);
  private static HuaxiangRuntime runtime;

  @BeforeAll
  static void load() {
    Database db = Database.external(TestDatabase.freshUrl(), "postgres", null, 4).migrate();
    runtime =
        new HuaxiangRuntime(
            db,
            new HuaxiangProperties(null, null, null, null, null, null),
            TestJson.mapper(),
            Clock.fixed(END, ZoneOffset.UTC));
    runtime.portraits().start();
    BulkLoader.backfill(runtime, DEMO.events().iterator(), "test", "test", n -> {});
  }

  @AfterAll
  static void close() {
    runtime.close();
  }

  @Test
  void transitionMatrixStreamedFromTheLogMatchesTheGeneratorsEvents() {
    LifecycleService service =
        new LifecycleService(runtime.database().dataSource(), runtime.events(), ZONE);
    LocalDate from = LocalDate.of(2026, 4, 1);
    LocalDate to = LocalDate.of(2026, 6, 1);
    LifecycleService.Transitions t = service.transitions(from, to, LifecycleThresholds.DEFAULT);

    Lifecycle lifecycle = new Lifecycle(LifecycleThresholds.DEFAULT);
    long[][] expected = new long[8][8];
    long users = 0;
    for (int i = 0; i < USERS; i++) {
      LifecycleFacts f = new LifecycleFacts(ZONE);
      for (UserEvent e : DEMO.events(i)) {
        if (LocalDate.ofInstant(e.occurredAt(), ZONE).isAfter(to)) {
          continue;
        }
        f.add(e.type(), e.occurredAt());
      }
      if (f.firstSeenAt() == null) {
        continue;
      }
      LifecycleStage a = lifecycle.stageOn(f, from);
      LifecycleStage b = lifecycle.stageOn(f, to);
      expected[a == null ? 0 : a.ordinal() + 1][b == null ? 0 : b.ordinal() + 1]++;
      users++;
    }
    assertThat(t.users()).isEqualTo(users);
    assertThat(t.counts()).isDeepEqualTo(expected);
    // a real population moves: some silent users come back, some active ones go silent
    assertThat(
            expected[LifecycleStage.ACTIVE.ordinal() + 1][LifecycleStage.SILENT.ordinal() + 1]
                + expected[LifecycleStage.ACTIVE.ordinal() + 1][
                    LifecycleStage.CHURNED.ordinal() + 1]
                + expected[LifecycleStage.BORROWER.ordinal() + 1][
                    LifecycleStage.SILENT.ordinal() + 1])
        .isPositive();

    var one = service.user(DemoPopulation.userId(3), to, LifecycleThresholds.DEFAULT).orElseThrow();
    assertThat(one.history().get(one.history().size() - 1).stage()).isEqualTo(one.stage());
  }

  @Test
  void transitionMatrixNarrowedToASegmentOrATagCountsOnlyThoseUsers() throws Exception {
    LifecycleService service =
        new LifecycleService(runtime.database().dataSource(), runtime.events(), ZONE);
    LocalDate from = LocalDate.of(2026, 4, 1);
    LocalDate to = LocalDate.of(2026, 6, 1);
    Set<String> members = new HashSet<>();
    for (int i = 0; i < USERS; i += 3) {
      members.add(DemoPopulation.userId(i).value());
    }
    Set<String> holders = new HashSet<>();
    try (Connection c = runtime.database().dataSource().getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into segment_members (segment, user_id, version, entered_at)"
                  + " values ('every-third', ?, 1, now())")) {
        for (String m : members) {
          ps.setString(1, m);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("select user_id from profiles where 'night_owl' = any(tags)")) {
        while (rs.next()) {
          holders.add(rs.getString(1));
        }
      }
    }
    assertThat(holders).isNotEmpty();

    LifecycleService.Transitions bySegment =
        service.transitions(from, to, LifecycleThresholds.DEFAULT, null, "every-third", n -> {});
    assertThat(bySegment.counts()).isDeepEqualTo(expectedMatrix(from, to, members));
    LifecycleService.Transitions byTag =
        service.transitions(from, to, LifecycleThresholds.DEFAULT, "night_owl", null, n -> {});
    assertThat(byTag.counts()).isDeepEqualTo(expectedMatrix(from, to, holders));
    assertThat(byTag.users()).isEqualTo(holders.size());
  }

  /** The matrix computed here from the generator's events of the given users only. */
  private static long[][] expectedMatrix(LocalDate from, LocalDate to, Set<String> only) {
    Lifecycle lifecycle = new Lifecycle(LifecycleThresholds.DEFAULT);
    long[][] expected = new long[8][8];
    for (int i = 0; i < USERS; i++) {
      if (!only.contains(DemoPopulation.userId(i).value())) {
        continue;
      }
      LifecycleFacts f = new LifecycleFacts(ZONE);
      for (UserEvent e : DEMO.events(i)) {
        if (!LocalDate.ofInstant(e.occurredAt(), ZONE).isAfter(to)) {
          f.add(e.type(), e.occurredAt());
        }
      }
      if (f.firstSeenAt() != null) {
        LifecycleStage a = lifecycle.stageOn(f, from);
        LifecycleStage b = lifecycle.stageOn(f, to);
        expected[a == null ? 0 : a.ordinal() + 1][b == null ? 0 : b.ordinal() + 1]++;
      }
    }
    return expected;
  }

  @Test
  void churnExamplesAreTheActiveUsersAtTheCutoffAndTheModelBeatsRecency() {
    ChurnService churn =
        new ChurnService(runtime.database().dataSource(), runtime.eventJson(), runtime.portraits());
    ChurnModel m = churn.train();

    // recount the validation examples from the generator's events
    Instant cutoff = m.validationCutoff();
    LocalDate cutoffDay = LocalDate.ofInstant(cutoff, ZONE);
    long examples = 0;
    long silent = 0;
    for (int i = 0; i < USERS; i++) {
      List<UserEvent> events = DEMO.events(i);
      Instant lastActivity = null;
      boolean activeAfter = false;
      for (UserEvent e : events) {
        if (!LifecycleFacts.isActivity(e.type())) {
          continue;
        }
        if (!e.occurredAt().isAfter(cutoff)) {
          lastActivity = e.occurredAt();
        } else if (!e.occurredAt().isAfter(cutoff.plus(30, ChronoUnit.DAYS))) {
          activeAfter = true;
        }
      }
      if (lastActivity != null
          && ChronoUnit.DAYS.between(LocalDate.ofInstant(lastActivity, ZONE), cutoffDay) <= 30) {
        examples++;
        silent += activeAfter ? 0 : 1;
      }
    }
    assertThat(m.validation().examples()).isEqualTo(examples);
    assertThat(m.validation().silent()).isEqualTo(silent);
    assertThat(silent).isPositive();
    assertThat(m.training().examples()).isGreaterThan(examples);

    assertThat(m.validation().auc()).isGreaterThan(m.recencyBaseline().auc());
    assertThat(m.validation().auc()).isGreaterThan(0.7);

    List<ChurnService.Risk> atRisk = churn.atRiskHighValue(10, 9);
    assertThat(atRisk).isNotEmpty();
    for (int i = 1; i < atRisk.size(); i++) {
      assertThat(atRisk.get(i).probability()).isLessThanOrEqualTo(atRisk.get(i - 1).probability());
    }
    assertThat(atRisk).allMatch(r -> r.active() && r.rfm().total() >= 9);
  }
}
