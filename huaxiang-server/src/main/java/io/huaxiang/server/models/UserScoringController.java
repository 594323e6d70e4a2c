package io.huaxiang.server.models;

import io.huaxiang.core.event.ConsentPurpose;
import io.huaxiang.core.event.UserId;
import io.huaxiang.model.artifact.ArtifactCodec;
import io.huaxiang.model.scorecard.ScoreResult;
import io.huaxiang.model.scorecard.ScorecardModel;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.portrait.PortraitReading;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.server.privacy.ConsentGuard;
import io.huaxiang.server.security.Actors;
import io.huaxiang.store.ModelRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scores a known user from their portrait, for credit assessment: refused (403, audited) unless the
 * user's latest consent for credit assessment is granted (PIPL Art 13; see ConsentGuard).
 */
@RestController
@RequestMapping(
    path = "/api/v1/models/{id}/users/{userId}",
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "models", description = "Model registry and scoring / 模型注册与评分")
class UserScoringController {
  private final ModelRegistry registry;
  private final PortraitService portraits;
  private final ConsentGuard consent;
  private final AuditService audit;
  private final Clock clock;
  private final Map<Long, ScorecardModel> loaded = new ConcurrentHashMap<>();

  UserScoringController(
      ModelRegistry registry,
      PortraitService portraits,
      ConsentGuard consent,
      AuditService audit,
      Clock clock) {
    this.registry = registry;
    this.portraits = portraits;
    this.consent = consent;
    this.audit = audit;
    this.clock = clock;
  }

  record UserScore(String userId, long modelId, Instant asOf, ScoreResult score) {}

  @Operation(summary = "Score a user's portrait with a model (needs credit-assessment consent)")
  @PostMapping("/score")
  UserScore score(@PathVariable long id, @PathVariable String userId) {
    UserId user = new UserId(userId);
    String actor = Actors.current();
    consent.require(user, ConsentPurpose.CREDIT_ASSESSMENT, actor, "model:" + id + " score");
    ScorecardModel card = model(id);
    Instant now = clock.instant();
    PortraitReading r =
        portraits
            .read(user, now)
            .orElseThrow(
                () -> ApiException.notFound("portrait of user '" + userId + "'", "该用户的画像"));
    ScoreResult score = card.score(r.features().asMap());
    audit.record(actor, "USER_SCORED", "CREDIT_ASSESSMENT", "user:" + userId, "model:" + id);
    return new UserScore(userId, id, now, score);
  }

  private ScorecardModel model(long id) {
    return loaded.computeIfAbsent(
        id,
        k ->
            registry
                .artifact(k)
                .map(json -> ArtifactCodec.fromJson(json, "model " + k))
                .orElseThrow(() -> ApiException.notFound("model " + k, "模型 " + k)));
  }
}
