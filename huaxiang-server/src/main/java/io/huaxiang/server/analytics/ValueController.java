package io.huaxiang.server.analytics;

import io.huaxiang.core.event.UserId;
import io.huaxiang.core.value.BorrowingPattern;
import io.huaxiang.core.value.RiskPreference;
import io.huaxiang.core.value.ValueTier;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.console.PopulationScope;
import io.huaxiang.server.console.PopulationScopes;
import io.huaxiang.store.SegmentMembershipStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Value tiers (RFM), borrowing patterns and risk preference, per user and over the population. */
@RestController
@Tag(name = "value", description = "RFM value tiers, borrowing patterns, risk preference / 价值分层")
class ValueController {
  private final ValueService values;
  private final PopulationScopes scopes;
  private final SegmentMembershipStore membership;

  ValueController(ValueService values, PopulationScopes scopes, SegmentMembershipStore membership) {
    this.values = values;
    this.scopes = scopes;
    this.membership = membership;
  }

  @Operation(summary = "A user's RFM scores, value tier, borrowing pattern and risk preference")
  @GetMapping(path = "/api/v1/users/{userId}/value", produces = MediaType.APPLICATION_JSON_VALUE)
  UserValue user(@PathVariable String userId) {
    return values
        .of(new UserId(userId))
        .orElseThrow(() -> ApiException.notFound("user '" + userId + "'", "用户 " + userId));
  }

  @Operation(
      summary =
          "Users per value tier, borrowing pattern and risk preference (one pass over the"
              + " portraits), narrowed by tag, segment and time range",
      description = PopulationScopes.DOC)
  @GetMapping(path = "/api/v1/population/value-tiers", produces = MediaType.APPLICATION_JSON_VALUE)
  ValueService.Overview overview(
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String segment,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    PopulationScope scope = scopes.parse(tag, segment, from, to);
    return values.overview(
        scope.tag(),
        scope.segment() == null ? null : membership.members(scope.segment()),
        scope.from(),
        scope.to());
  }

  /** The labels of every class, for charts. */
  @Operation(summary = "Bilingual labels of value tiers, borrowing patterns and risk preferences")
  @GetMapping(
      path = "/api/v1/population/value-labels/classes",
      produces = MediaType.APPLICATION_JSON_VALUE)
  List<List<UserValue.Label>> labels() {
    return List.of(
        java.util.Arrays.stream(ValueTier.values()).map(UserValue.Label::of).toList(),
        java.util.Arrays.stream(BorrowingPattern.values()).map(UserValue.Label::of).toList(),
        java.util.Arrays.stream(RiskPreference.values()).map(UserValue.Label::of).toList());
  }
}
