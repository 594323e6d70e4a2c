package io.huaxiang.server.console;

import io.huaxiang.core.tag.TagRule;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.server.security.Ownership;
import io.huaxiang.store.SegmentStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns the population endpoints' filter parameters into a checked {@link PopulationScope}: the
 * same parameters, meanings and 400 problems on every population endpoint.
 */
@Component
public class PopulationScopes {
  /** The parameters' description for the API docs. */
  public static final String DOC =
      "tag: only holders of a tag; segment: only members of a saved segment (kept in real time);"
          + " from/to: ISO date or time, events by event time, users by the time of their portrait";

  private final SegmentStore segments;
  private final Ownership ownership;
  private final Set<String> tags;
  private final ZoneId zone;

  PopulationScopes(SegmentStore segments, PortraitService portraits, Ownership ownership) {
    this.segments = segments;
    this.ownership = ownership;
    this.tags =
        portraits.engine().tagRules().rules().stream().map(TagRule::id).collect(Collectors.toSet());
    this.zone = portraits.engine().zone();
  }

  /**
   * The scope of the parameters {@code tag}, {@code segment}, {@code from}, {@code to} (blank: not
   * given).
   *
   * @throws ApiException 400 {@code UNKNOWN_TAG}, {@code UNKNOWN_SEGMENT}, {@code INVALID_VALUE} or
   *     {@code INVALID_RANGE}
   */
  public PopulationScope parse(String tag, String segment, String from, String to) {
    String t = blank(tag) ? null : tag;
    if (t != null && !tags.contains(t)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "UNKNOWN_TAG",
          "unknown tag '" + t + "': see GET /api/v1/catalogue/tags for the tag ids",
          "未知标签 '" + t + "':标签列表见 GET /api/v1/catalogue/tags");
    }
    String s = blank(segment) ? null : segment;
    // object level: a segment the caller may not see (marketing: another team's) is answered
    // exactly like a missing one, so its existence and its members' figures do not leak
    if (s != null
        && segments.latest(s).filter(d -> ownership.segmentVisible(d.createdBy())).isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "UNKNOWN_SEGMENT",
          "unknown segment '" + s + "': see GET /api/v1/segments",
          "未知客群 '" + s + "':客群列表见 GET /api/v1/segments");
    }
    Instant f = time("from", from);
    Instant u = time("to", to);
    if (f != null && u != null && !f.isBefore(u)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "INVALID_RANGE", "'from' must be before 'to'", "from 须早于 to");
    }
    return new PopulationScope(t, s, f, u);
  }

  /** An ISO date (start of that day in the configured zone) or a time with offset. */
  private Instant time(String field, String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
          : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "'"
              + field
              + "' must be an ISO date (2026-06-01) or time with offset, got '"
              + value
              + "'",
          field + " 须为 ISO 日期(2026-06-01)或带时区的时间,实际为 '" + value + "'");
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
