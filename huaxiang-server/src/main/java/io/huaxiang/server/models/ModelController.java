package io.huaxiang.server.models;

import io.huaxiang.gbdt.GbdtModel;
import io.huaxiang.model.artifact.ArtifactCodec;
import io.huaxiang.model.report.ModelReport;
import io.huaxiang.model.scorecard.ScoreResult;
import io.huaxiang.model.scorecard.ScorecardModel;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.security.Actors;
import io.huaxiang.store.ModelRegistry;
import io.huaxiang.store.ModelScoreLog;
import io.huaxiang.store.ModelStatus;
import io.huaxiang.store.RegisteredModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * The model registry over HTTP: register a scorecard or GBDT artifact, list versions, change status
 * (audited, four eyes), score applicants with reason codes (every score is logged for stability
 * monitoring), serve each model's HTML report and its live stability.
 */
@RestController
@RequestMapping(path = "/api/v1/models", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "models", description = "Model registry and scoring / 模型注册与评分")
class ModelController {
  private final ModelRegistry registry;
  private final AuditService audit;
  private final Clock clock;
  private static final int MAX_BATCH = 10_000;
  private final Map<Long, ScoringModel> loaded = new ConcurrentHashMap<>();
  private final ModelScoreLog scoreLog;

  ModelController(ModelRegistry registry, ModelScoreLog scoreLog, AuditService audit, Clock clock) {
    this.registry = registry;
    this.scoreLog = scoreLog;
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
    RegisteredModel registered;
    if (GbdtModel.isArtifact(artifact)) {
      try {
        GbdtModel.fromArtifactJson(artifact, "request body").close(); // it must load
      } catch (RuntimeException e) {
        throw invalid(e);
      }
      String modelName = name != null && !name.isBlank() ? name : artifactName(artifact);
      registered = registry.register(modelName, "gbdt", artifact, null, by, clock.instant());
    } else {
      ScorecardModel model = parse(artifact);
      String modelName = name != null && !name.isBlank() ? name : model.info().name();
      String fingerprint =
          model.info().fingerprint() == null ? null : model.info().fingerprint().toString();
      registered =
          registry.register(
              modelName,
              "scorecard",
              ArtifactCodec.toJson(model),
              fingerprint,
              by,
              clock.instant());
    }
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

  @Operation(
      summary =
          "Score one applicant: points, PD and the top reason codes (zh/en); scorecard or GBDT")
  @PostMapping(path = "/{id}/score", consumes = MediaType.APPLICATION_JSON_VALUE)
  ScoreResult score(@PathVariable long id, @RequestBody Map<String, Object> applicant) {
    return scoreAll(id, List.of(applicant)).get(0);
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
    return scoreAll(id, applicants);
  }

  /** Scores in order and logs points and bins (no identifiers) for stability monitoring. */
  private List<ScoreResult> scoreAll(long id, List<Map<String, Object>> applicants) {
    ScoringModel model = model(id);
    Instant at = clock.instant();
    List<ScoreResult> out = new ArrayList<>(applicants.size());
    List<ModelScoreLog.Entry> entries = new ArrayList<>(applicants.size());
    for (Map<String, Object> applicant : applicants) {
      ScoreResult r;
      try {
        r = model.score(applicant);
      } catch (IllegalArgumentException e) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST, "INVALID_APPLICANT", e.getMessage(), "申请人特征值无效");
      }
      out.add(r);
      entries.add(
          new ModelScoreLog.Entry(at, r.points(), ModelMonitor.toJson(model.bins(applicant))));
    }
    scoreLog.append(id, at, entries);
    return out;
  }

  @Operation(
      summary =
          "The model's HTML report (bilingual): overview, stored metrics, bins and points, and"
              + " the stability of the last 30 days of scores against training")
  @GetMapping(path = "/{id}/report", produces = MediaType.TEXT_HTML_VALUE)
  String report(@PathVariable long id) {
    RegisteredModel row = registered(id);
    ScoringModel model = model(id);
    if (model instanceof ScoringModel.Card card) {
      Instant to = clock.instant();
      Instant from = to.minus(30, ChronoUnit.DAYS);
      List<ModelScoreLog.Entry> recent = scoreLog.between(id, from, to, ModelMonitor.MAX_ROWS);
      if (recent.isEmpty()) {
        return ModelReport.ofArtifact(card.model(), null, List.of()).html();
      }
      ModelMonitor.Period p = ModelMonitor.period(card.model(), from, to, recent);
      return ModelReport.ofArtifact(card.model(), p.psi(), p.csi()).html();
    }
    return GbdtReportPage.html(row, ((ScoringModel.Gbdt) model).model(), artifactOf(id));
  }

  @Operation(
      summary =
          "The model as data for the console: registry entry, stored metrics, every feature's bins"
              + " (count, bad rate, WoE, points) and the training score distribution")
  @GetMapping(path = "/{id}/card")
  ModelCard card(@PathVariable long id) {
    RegisteredModel row = registered(id);
    ScoringModel model = model(id);
    if (model instanceof ScoringModel.Card card) {
      return ModelCard.of(row, card.model());
    }
    return ModelCard.of(
        row, ((ScoringModel.Gbdt) model).model(), GbdtModel.artifactMetrics(artifactOf(id)));
  }

  /** Stability over time, as the API returns it. */
  record StabilityReport(
      long modelId,
      String kind,
      double watchThreshold,
      double shiftedThreshold,
      List<ModelMonitor.Period> periods) {}

  @Operation(
      summary =
          "Live stability: score PSI and CSI per feature of the logged scores against the training"
              + " distribution, per period (0.1 watch, 0.25 shifted)")
  @GetMapping(path = "/{id}/stability")
  StabilityReport stability(
      @PathVariable long id,
      @RequestParam(defaultValue = "30") int days,
      @RequestParam(name = "period_days", defaultValue = "1") int periodDays) {
    if (days < 1 || days > 366 || periodDays < 1 || periodDays > days) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_WINDOW",
          "days must be 1..366 and period_days 1..days",
          "days 取值 1..366，period_days 取值 1..days");
    }
    RegisteredModel row = registered(id);
    if (!(model(id) instanceof ScoringModel.Card card)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "NOT_A_SCORECARD",
          "stability is monitored over scorecard bins; model " + id + " is a " + row.kind(),
          "稳定性监控仅适用于评分卡模型");
    }
    Instant to = clock.instant();
    Instant from = to.minus(days, ChronoUnit.DAYS);
    return new StabilityReport(
        id,
        row.kind(),
        0.1,
        0.25,
        ModelMonitor.periods(card.model(), scoreLog, id, from, to, periodDays));
  }

  private RegisteredModel registered(long id) {
    return registry.find(id).orElseThrow(() -> ApiException.notFound("model " + id, "模型 " + id));
  }

  private String artifactOf(long id) {
    return registry
        .artifact(id)
        .orElseThrow(() -> ApiException.notFound("model " + id, "模型 " + id));
  }

  private ScoringModel model(long id) {
    return loaded.computeIfAbsent(
        id,
        k -> {
          RegisteredModel row = registered(k);
          String json = artifactOf(k);
          return "gbdt".equals(row.kind())
              ? new ScoringModel.Gbdt(GbdtModel.fromArtifactJson(json, "model " + k))
              : new ScoringModel.Card(ArtifactCodec.fromJson(json, "model " + k));
        });
  }

  private static String artifactName(String json) {
    try {
      String n =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("name").asText();
      return n.isBlank() ? "gbdt" : n;
    } catch (java.io.IOException e) {
      return "gbdt";
    }
  }

  private static ApiException invalid(RuntimeException e) {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "INVALID_MODEL",
        "not a Huaxiang model artifact: " + e.getMessage(),
        "不是有效的模型文件");
  }

  private static ScorecardModel parse(String artifact) {
    try {
      return ArtifactCodec.fromJson(artifact, "request body");
    } catch (RuntimeException e) {
      throw invalid(e);
    }
  }
}
