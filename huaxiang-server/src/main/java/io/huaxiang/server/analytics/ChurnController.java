package io.huaxiang.server.analytics;

import io.huaxiang.core.event.UserId;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.audit.AuditService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Churn warning: train and validate on the event log, score users, list valuable ones at risk. */
@RestController
@Tag(name = "churn", description = "Churn warning / 流失预警")
class ChurnController {
  private final ChurnService churn;
  private final AuditService audit;

  ChurnController(ChurnService churn, AuditService audit) {
    this.churn = churn;
    this.audit = audit;
  }

  @Operation(
      summary = "Train on the event log and validate out of time (AUC, lift) against recency alone")
  @PostMapping(path = "/api/v1/churn/train", produces = MediaType.APPLICATION_JSON_VALUE)
  ChurnModel train(@RequestHeader(name = "X-Huaxiang-Actor", required = false) String actor) {
    try {
      ChurnModel m = churn.train();
      audit.record(
          actor == null ? "anonymous" : actor,
          "CHURN_MODEL_TRAINED",
          "ANALYSIS",
          "churn-model",
          "validation_auc=" + m.validation().auc());
      return m;
    } catch (IllegalStateException e) {
      throw new ApiException(
          HttpStatus.CONFLICT, "TOO_LITTLE_HISTORY", e.getMessage(), "历史数据不足,无法训练流失模型");
    }
  }

  @Operation(summary = "The current churn model and its validation (404 before training)")
  @GetMapping(path = "/api/v1/churn/model", produces = MediaType.APPLICATION_JSON_VALUE)
  ChurnModel model() {
    return churn.current().orElseThrow(ChurnController::untrained);
  }

  @Operation(summary = "A user's churn risk now: probability of no activity in the next 30 days")
  @GetMapping(
      path = "/api/v1/users/{userId}/churn-risk",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ChurnService.Risk risk(@PathVariable String userId) {
    if (churn.current().isEmpty()) {
      throw untrained();
    }
    return churn
        .risk(new UserId(userId))
        .orElseThrow(() -> ApiException.notFound("user '" + userId + "'", "用户 " + userId));
  }

  @Operation(
      summary = "Active users with RFM total >= min_value most likely to go silent, riskiest first")
  @GetMapping(path = "/api/v1/churn/at-risk", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ChurnService.Risk> atRisk(
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(name = "min_value", defaultValue = "10") int minValue,
      @RequestHeader(name = "X-Huaxiang-Actor", required = false) String actor) {
    if (limit < 1 || limit > 1_000 || minValue < 3 || minValue > 15) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "limit must be 1-1000 and min_value 3-15, got " + limit + " and " + minValue,
          "limit 须在 1-1000、min_value 须在 3-15 之间");
    }
    if (churn.current().isEmpty()) {
      throw untrained();
    }
    List<ChurnService.Risk> out = churn.atRiskHighValue(limit, minValue);
    audit.recordLater(
        actor == null ? "anonymous" : actor,
        "CHURN_AT_RISK_LIST",
        "RETENTION",
        "population",
        "rows=" + out.size() + " min_value=" + minValue);
    return out;
  }

  private static ApiException untrained() {
    return ApiException.notFound("trained churn model (POST /api/v1/churn/train)", "流失模型");
  }
}
