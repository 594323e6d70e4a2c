package io.huaxiang.server.models;

import io.huaxiang.model.artifact.ArtifactCodec;
import io.huaxiang.model.scorecard.ScoreResult;
import io.huaxiang.model.scorecard.ScorecardModel;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.security.Actors;
import io.huaxiang.store.ModelRegistry;
import io.huaxiang.store.ModelStatus;
import io.huaxiang.store.RegisteredModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The model registry over HTTP: register a scorecard artifact, list versions, change status
 * (audited, four eyes), and score one applicant with reason codes.
 */
@RestController
@RequestMapping(path = "/api/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "models", description = "Model registry and scoring / 模型注册与评分")
class ModelController {
  private final ModelRegistry registry;
  private final AuditService audit;
  private final Clock clock;
  private static final int MAX_BATCH = 10_000;
  private final Map<Long, ScorecardModel> loaded = new ConcurrentHashMap<>();

  ModelController(ModelRegistry registry, AuditService audit, Clock clock) {
    this.registry = registry;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @param approver ignored: the approver is the signed-in caller; kept so older clients still work
   */
  record StatusChange(String status, String approver) {}

  @Operation(summary = "Every version of every registered model")
  @GetMapping
  List<RegisteredModel> list() {
    return registry.list();
  }

  @Operation(
      summary = "Register a scorecard artifact (the JSON `huaxiang model train` writes) as a draft")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RegisteredModel> register(
      @RequestBody String artifact, @RequestParam(required = false) String name) {
    String by = Actors.current();
    ScorecardModel model = parse(artifact);
    String modelName = name != null && !name.isBlank() ? name : model.info().name();
    String fingerprint =
        model.info().fingerprint() == null ? null : model.info().fingerprint().toString();
    RegisteredModel registered =
        registry.register(
            modelName, "scorecard", ArtifactCodec.toJson(model), fingerprint, by, clock.instant());
    audit.record(
        by,
        "MODEL_REGISTERED",
        "MODEL_GOVERNANCE",
        "model:" + registered.id(),
        registered.name() + " v" + registered.version());
    return ResponseEntity.status(HttpStatus.CREATED).body(registered);
  }

  @Operation(
      summary =
          "Change a model's status: challenger or champion need an approver who is not the registrant")
  @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
  RegisteredModel status(@PathVariable long id, @RequestBody StatusChange change) {
    ModelStatus status;
    try {
      status = ModelStatus.fromWire(change.status() == null ? "" : change.status());
      // four eyes: the registry refuses an approver who registered the model; the approver is
      // whoever is signed in, so nobody can approve in somebody else's name
      String approver = Actors.current();
      RegisteredModel updated = registry.setStatus(id, status, approver, clock.instant());
      audit.record(
          approver, "MODEL_STATUS", "MODEL_GOVERNANCE", "model:" + id, "status=" + status.wire());
      return updated;
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("no model")) {
        throw ApiException.notFound("model " + id, "模型 " + id);
      }
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "INVALID_STATUS_CHANGE", e.getMessage(), "模型状态变更无效");
    }
  }

  @Operation(summary = "Score one applicant: points, PD and the top reason codes (zh/en)")
  @PostMapping(path = "/{id}/score", consumes = MediaType.APPLICATION_JSON_VALUE)
  ScoreResult score(@PathVariable long id, @RequestBody Map<String, Object> applicant) {
    return model(id).score(applicant);
  }

  @Operation(summary = "Score a batch of applicants (a JSON array, at most 10,000), in order")
  @PostMapping(path = "/{id}/score/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
  List<ScoreResult> scoreBatch(
      @PathVariable long id, @RequestBody List<Map<String, Object>> applicants) {
    if (applicants.size() > MAX_BATCH) {
      throw new ApiException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "TOO_LARGE",
          "a batch holds at most " + MAX_BATCH + " applicants, got " + applicants.size(),
          "单批最多 " + MAX_BATCH + " 个申请人");
    }
    ScorecardModel card = model(id);
    return applicants.stream().map(card::score).toList();
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

  private static ScorecardModel parse(String artifact) {
    try {
      return ArtifactCodec.fromJson(artifact, "request body");
    } catch (RuntimeException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_MODEL",
          "not a Huaxiang model artifact: " + e.getMessage(),
          "不是有效的模型文件");
    }
  }
}
