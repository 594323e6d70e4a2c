package io.huaxiang.server.portrait;

import com.fasterxml.jackson.databind.JsonNode;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.core.tag.TagRule;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.store.EventStore;
import io.huaxiang.store.TagHistoryStore;
import io.huaxiang.store.TagPeriod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading portraits: features and tags, the event timeline, and tag history. */
@RestController
@RequestMapping(path = "/api/v1/users/{userId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "portraits", description = "A user's portrait, timeline and tags / 用户画像")
class PortraitController {
  private static final int MAX_PAGE_SIZE = 500;

  private final PortraitService portraits;
  private final EventStore events;
  private final TagHistoryStore tagHistory;
  private final EventJson json;
  private final Clock clock;
  private final Map<String, TagRule> rules;

  PortraitController(
      PortraitService portraits,
      EventStore events,
      TagHistoryStore tagHistory,
      EventJson json,
      Clock clock) {
    this.portraits = portraits;
    this.events = events;
    this.tagHistory = tagHistory;
    this.json = json;
    this.clock = clock;
    this.rules =
        portraits.engine().tagRules().rules().stream()
            .collect(Collectors.toMap(TagRule::id, Function.identity()));
  }

  record TagView(String id, String category, String labelZh, String labelEn, Instant gainedAt) {}

  record PortraitResponse(
      String userId,
      Instant asOf,
      long eventCount,
      Instant firstEventAt,
      Instant lastEventAt,
      int tagRulesVersion,
      List<TagView> tags,
      Map<String, Object> features) {}

  record TimelineEntry(long seq, Instant receivedAt, JsonNode event) {}

  record TimelineResponse(
      String userId, int page, int size, long total, List<TimelineEntry> events) {}

  @Operation(summary = "A user's portrait: every catalogue feature as of now (or as_of), and tags")
  @GetMapping("/portrait")
  PortraitResponse portrait(
      @PathVariable String userId, @RequestParam(name = "as_of", required = false) String asOf) {
    UserId user = new UserId(userId);
    Instant at = asOf == null ? clock.instant() : parseTime(asOf);
    PortraitReading r =
        portraits
            .read(user, at)
            .orElseThrow(
                () -> ApiException.notFound("portrait of user '" + userId + "'", "该用户的画像"));
    List<TagView> tags =
        r.tags().entrySet().stream()
            .map(
                e -> {
                  TagRule rule = rules.get(e.getKey());
                  return rule == null
                      ? new TagView(e.getKey(), null, e.getKey(), e.getKey(), e.getValue())
                      : new TagView(
                          rule.id(), rule.category(), rule.labelZh(), rule.labelEn(), e.getValue());
                })
            .toList();
    return new PortraitResponse(
        userId,
        at,
        r.eventCount(),
        r.firstEventAt(),
        r.lastEventAt(),
        portraits.engine().tagRules().version(),
        tags,
        r.features().asMap());
  }

  @Operation(summary = "A user's events, newest first, paged")
  @GetMapping("/events")
  TimelineResponse timeline(
      @PathVariable String userId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    UserId user = new UserId(userId);
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_PAGE",
          "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE,
          "page 须 >= 0,size 须在 1 到 " + MAX_PAGE_SIZE + " 之间");
    }
    long total = events.countForUser(user);
    if (total == 0) {
      throw ApiException.notFound("events of user '" + userId + "'", "该用户的事件");
    }
    List<TimelineEntry> entries =
        events.timeline(user, page, size).stream()
            .map(
                s ->
                    new TimelineEntry(
                        s.seq(), s.receivedAt(), json.mapper().valueToTree(s.event())))
            .toList();
    return new TimelineResponse(userId, page, size, total, entries);
  }

  @Operation(summary = "When the user gained and lost each tag")
  @GetMapping("/tags/history")
  List<TagPeriod> tagHistory(@PathVariable String userId) {
    return tagHistory.history(new UserId(userId).value());
  }

  private static Instant parseTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "as_of must be an ISO-8601 time with offset, e.g. 2026-03-01T12:00:00+08:00",
          "as_of 须为带时区的 ISO-8601 时间");
    }
  }
}
