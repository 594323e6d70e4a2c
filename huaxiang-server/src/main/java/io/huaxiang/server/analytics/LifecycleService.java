package io.huaxiang.server.analytics;

import io.huaxiang.core.event.EventType;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.lifecycle.Lifecycle;
import io.huaxiang.core.lifecycle.LifecycleFacts;
import io.huaxiang.core.lifecycle.LifecycleStage;
import io.huaxiang.core.lifecycle.LifecycleThresholds;
import io.huaxiang.core.lifecycle.StagePeriod;
import io.huaxiang.store.EventStore;
import io.huaxiang.store.StoreException;
import io.huaxiang.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * Applies the pure {@link Lifecycle} to the event log: one user's stage and history, and the
 * stage-transition matrix of the population over a period, streamed user by user from PostgreSQL
 * (only one user's facts are in memory at a time).
 */
public final class LifecycleService {
  private static final int PAGE = 1_000;

  private final DataSource db;
  private final EventStore events;
  private final ZoneId zone;

  public LifecycleService(DataSource db, EventStore events, ZoneId zone) {
    this.db = db;
    this.events = events;
    this.zone = zone;
  }

  /** A user's stage on a day and every stage they went through up to it. */
  public record UserLifecycle(String userId, LocalDate day, Stage stage, List<Period> history) {}

  public record Stage(String key, String labelZh, String labelEn) {
    static Stage of(LifecycleStage s) {
      return s == null
          ? new Stage("not_registered", "未注册", "not yet registered")
          : new Stage(s.name().toLowerCase(java.util.Locale.ROOT), s.zh(), s.en());
    }
  }

  public record Period(Stage stage, LocalDate from, LocalDate to) {}

  /**
   * Users by their stage on {@code from} (rows; {@code not_registered} for users not seen yet) and
   * on {@code to} (columns).
   */
  public record Transitions(
      LocalDate from,
      LocalDate to,
      LifecycleThresholds thresholds,
      long users,
      List<Stage> stages,
      long[][] counts) {}

  public Optional<UserLifecycle> user(UserId user, LocalDate day, LifecycleThresholds t) {
    LifecycleFacts f = new LifecycleFacts(zone);
    for (int page = 0; ; page++) {
      List<StoredEvent> stored = events.timeline(user, page, PAGE);
      stored.forEach(e -> f.add(e.event().type(), e.event().occurredAt()));
      if (stored.size() < PAGE) {
        break;
      }
    }
    if (f.firstSeenAt() == null) {
      return Optional.empty();
    }
    Lifecycle lifecycle = new Lifecycle(t);
    List<Period> history = new ArrayList<>();
    for (StagePeriod p : lifecycle.history(f, day)) {
      history.add(new Period(Stage.of(p.stage()), p.from(), p.to()));
    }
    return Optional.of(
        new UserLifecycle(user.value(), day, Stage.of(lifecycle.stageOn(f, day)), history));
  }

  /** The transition matrix between two days over every user, one pass over the log. */
  public Transitions transitions(LocalDate from, LocalDate to, LifecycleThresholds t) {
    return transitions(from, to, t, null, null, n -> {});
  }

  /**
   * The transition matrix between two days, one pass over the log in user order.
   *
   * @param tag only users currently holding this tag (null: any)
   * @param segment only current members of this saved segment (null: any)
   * @param progress told the number of events read so far, every 100,000
   */
  public Transitions transitions(
      LocalDate from,
      LocalDate to,
      LifecycleThresholds t,
      String tag,
      String segment,
      LongConsumer progress) {
    Lifecycle lifecycle = new Lifecycle(t);
    String scope = "";
    List<String> params = new ArrayList<>();
    if (tag != null) {
      scope += " and user_id in (select user_id from profiles where tags @> array[?]::text[])";
      params.add(tag);
    }
    if (segment != null) {
      scope += " and user_id in (select user_id from segment_members where segment = ?)";
      params.add(segment);
    }
    int n = LifecycleStage.values().length + 1; // index 0: not registered yet
    long[][] counts = new long[n][n];
    long[] users = {0};
    Timestamp until = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
      try (PreparedStatement ps =
          c.prepareStatement(
              "select user_id, type, occurred_at from events where occurred_at < ?"
                  + scope
                  + " order by user_id")) {
        ps.setFetchSize(10_000);
        ps.setTimestamp(1, until);
        for (int i = 0; i < params.size(); i++) {
          ps.setString(i + 2, params.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          String current = null;
          LifecycleFacts f = null;
          long read = 0;
          while (rs.next()) {
            if (++read % 100_000 == 0) {
              progress.accept(read);
            }
            String user = rs.getString(1);
            if (!user.equals(current)) {
              count(lifecycle, f, from, to, counts, users);
              current = user;
              f = new LifecycleFacts(zone);
            }
            EventType type = EventType.fromWire(rs.getString(2)).orElse(null);
            if (type != null) {
              f.add(type, rs.getTimestamp(3).toInstant());
            }
          }
          count(lifecycle, f, from, to, counts, users);
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot stream the event log: " + e.getMessage(), e);
    }
    List<Stage> stages = new ArrayList<>();
    stages.add(Stage.of(null));
    for (LifecycleStage s : LifecycleStage.values()) {
      stages.add(Stage.of(s));
    }
    return new Transitions(from, to, t, users[0], stages, counts);
  }

  private static void count(
      Lifecycle lifecycle,
      LifecycleFacts f,
      LocalDate from,
      LocalDate to,
      long[][] counts,
      long[] users) {
    if (f == null || f.firstSeenAt() == null) {
      return;
    }
    LifecycleStage a = lifecycle.stageOn(f, from);
    LifecycleStage b = lifecycle.stageOn(f, to);
    counts[a == null ? 0 : a.ordinal() + 1][b == null ? 0 : b.ordinal() + 1]++;
    users[0]++;
  }
}
