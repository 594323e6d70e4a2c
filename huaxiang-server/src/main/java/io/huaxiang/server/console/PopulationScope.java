package io.huaxiang.server.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which users and events a population query covers: optionally only holders of a tag, only members
 * of a segment (as kept in real time), and only a time range. The range selects events by event
 * time for event-based figures, and users by the time of their portrait (last event) for
 * portrait-based figures.
 */
public record PopulationScope(String tag, String segment, Instant from, Instant to) {
  public static final PopulationScope ALL = new PopulationScope(null, null, null, null);

  /** SQL conditions on {@code profiles} (each starting with " and "), with their parameters. */
  Sql profiles() {
    Sql s = new Sql();
    if (tag != null) {
      s.add(" and tags @> array[?]::text[]", tag);
    }
    if (segment != null) {
      s.add(" and user_id in (select user_id from segment_members where segment = ?)", segment);
    }
    if (from != null) {
      s.add(" and last_event_at >= ?", Timestamp.from(from));
    }
    if (to != null) {
      s.add(" and last_event_at < ?", Timestamp.from(to));
    }
    return s;
  }

  /**
   * SQL conditions on {@code portrait_features} aliased {@code f} (each starting with " and "),
   * with their parameters: tags and segments are looked up by user id, the range is on the typed
   * row's {@code last_event_at}.
   */
  Sql features() {
    Sql s = new Sql();
    if (tag != null) {
      s.add(" and f.user_id in (select user_id from profiles where tags @> array[?]::text[])", tag);
    }
    if (segment != null) {
      s.add(" and f.user_id in (select user_id from segment_members where segment = ?)", segment);
    }
    if (from != null) {
      s.add(" and f.last_event_at >= ?", Timestamp.from(from));
    }
    if (to != null) {
      s.add(" and f.last_event_at < ?", Timestamp.from(to));
    }
    return s;
  }

  /** SQL conditions on {@code events}: the users in scope, and the events in the range. */
  Sql events() {
    Sql s = users();
    if (from != null) {
      s.add(" and occurred_at >= ?", Timestamp.from(from));
    }
    if (to != null) {
      s.add(" and occurred_at < ?", Timestamp.from(to));
    }
    return s;
  }

  /** SQL conditions on {@code events}: only the users in scope, all their events. */
  Sql users() {
    Sql s = new Sql();
    if (tag != null) {
      s.add(" and user_id in (select user_id from profiles where tags @> array[?]::text[])", tag);
    }
    if (segment != null) {
      s.add(" and user_id in (select user_id from segment_members where segment = ?)", segment);
    }
    return s;
  }

  /** A piece of SQL and the parameters its placeholders take, in order. */
  static final class Sql {
    final StringBuilder text = new StringBuilder();
    final List<Object> params = new ArrayList<>();

    Sql add(String sql, Object... values) {
      text.append(sql);
      params.addAll(List.of(values));
      return this;
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
