package io.huaxiang.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huaxiang.core.event.EventType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A user's way through the lifecycle, day by day, under default and custom thresholds. */
class LifecycleTest {
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final LocalDate D0 = LocalDate.of(2026, 1, 5);
  private final Lifecycle lifecycle = new Lifecycle(LifecycleThresholds.DEFAULT);

  private static LifecycleFacts facts() {
    return new LifecycleFacts(CHINA);
  }

  private static void on(LifecycleFacts f, EventType type, int day) {
    f.add(type, D0.plusDays(day).atTime(10, 0).atZone(CHINA).toInstant());
  }

  @Test
  void walksFromRegistrationToChurnAndBack() {
    LifecycleFacts f = facts();
    on(f, EventType.USER_REGISTERED, 0);
    on(f, EventType.LOAN_APPLIED, 2);
    on(f, EventType.LOAN_DISBURSED, 2);
    on(f, EventType.SESSION, 5);
    on(f, EventType.SESSION, 8);
    on(f, EventType.SESSION, 10);
    on(f, EventType.SESSION, 130);

    assertThat(lifecycle.stageOn(f, D0.minusDays(1))).isNull();
    assertThat(lifecycle.stageOn(f, D0)).isEqualTo(LifecycleStage.REGISTERED);
    assertThat(lifecycle.stageOn(f, D0.plusDays(2))).isEqualTo(LifecycleStage.BORROWER);
    assertThat(lifecycle.stageOn(f, D0.plusDays(8))).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(lifecycle.stageOn(f, D0.plusDays(40))).isEqualTo(LifecycleStage.BORROWER);
    assertThat(lifecycle.stageOn(f, D0.plusDays(41))).isEqualTo(LifecycleStage.SILENT);
    assertThat(lifecycle.stageOn(f, D0.plusDays(101))).isEqualTo(LifecycleStage.CHURNED);
    assertThat(lifecycle.stageOn(f, D0.plusDays(130))).isEqualTo(LifecycleStage.REACTIVATED);
    assertThat(lifecycle.stageOn(f, D0.plusDays(160))).isEqualTo(LifecycleStage.REACTIVATED);
    assertThat(lifecycle.stageOn(f, D0.plusDays(161))).isEqualTo(LifecycleStage.SILENT);

    List<StagePeriod> h = lifecycle.history(f, D0.plusDays(200));
    assertThat(h)
        .extracting(StagePeriod::stage)
        .containsExactly(
            LifecycleStage.REGISTERED,
            LifecycleStage.BORROWER,
            LifecycleStage.ACTIVE,
            LifecycleStage.BORROWER,
            LifecycleStage.SILENT,
            LifecycleStage.CHURNED,
            LifecycleStage.REACTIVATED,
            LifecycleStage.SILENT);
    assertThat(h.get(0)).isEqualTo(new StagePeriod(LifecycleStage.REGISTERED, D0, D0.plusDays(1)));
  }

  @Test
  void applicantsWithoutALoanAreApplied() {
    LifecycleFacts f = facts();
    on(f, EventType.USER_REGISTERED, 0);
    on(f, EventType.LOAN_APPLIED, 3);
    assertThat(lifecycle.stageOn(f, D0.plusDays(2))).isEqualTo(LifecycleStage.REGISTERED);
    assertThat(lifecycle.stageOn(f, D0.plusDays(3))).isEqualTo(LifecycleStage.APPLIED);
  }

  @Test
  void thresholdsAreConfigurable() {
    LifecycleFacts f = facts();
    on(f, EventType.USER_REGISTERED, 0);
    on(f, EventType.SESSION, 1);
    Lifecycle strict = new Lifecycle(new LifecycleThresholds(14, 2, 7, 21, 10));
    assertThat(strict.stageOn(f, D0.plusDays(9))).isEqualTo(LifecycleStage.SILENT);
    assertThat(strict.stageOn(f, D0.plusDays(23))).isEqualTo(LifecycleStage.CHURNED);
    assertThat(lifecycle.stageOn(f, D0.plusDays(23))).isEqualTo(LifecycleStage.REGISTERED);
    assertThatThrownBy(() -> new LifecycleThresholds(30, 4, 90, 30, 30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("silent_after_days < churned_after_days");
  }
}
