package io.huaxiang.server.models;

import io.huaxiang.core.event.UserId;
import io.huaxiang.core.profile.FeatureValues;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.portrait.PortraitReading;
import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.server.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The model-training extract: every portrait's scalar features as CSV, one row per user who has
 * consented to credit assessment. Built from live portraits, so an erased user is never in it.
 */
@RestController
@RequestMapping(path = "/api/v1/models/training-extract")
@Tag(name = "models", description = "Model registry and scoring / 模型注册与评分")
class TrainingExtractController {
  static final String CONSENT_FEATURE = "consent_credit_assessment";

  private final PortraitService portraits;
  private final AuditService audit;
  private final Clock clock;

  TrainingExtractController(PortraitService portraits, AuditService audit, Clock clock) {
    this.portraits = portraits;
    this.audit = audit;
    this.clock = clock;
  }

  @Operation(summary = "Portrait features of consenting users as CSV, for model training")
  @GetMapping(produces = "text/csv")
  ResponseEntity<String> extract() {
    Instant now = clock.instant();
    List<String> users =
        portraits.select(now, (f, tags) -> Boolean.TRUE.equals(f.get(CONSENT_FEATURE)));
    StringBuilder csv = new StringBuilder();
    List<String> columns = null;
    for (String user : users) {
      PortraitReading r = portraits.read(new UserId(user), now).orElse(null);
      if (r == null) {
        continue;
      }
      Map<String, Object> values = scalars(r.features());
      if (columns == null) {
        columns = new ArrayList<>(values.keySet());
        csv.append("user_id");
        columns.forEach(c -> csv.append(',').append(c));
        csv.append('\n');
      }
      csv.append(cell(user));
      for (String c : columns) {
        Object v = values.get(c);
        csv.append(',').append(v == null ? "" : cell(v.toString()));
      }
      csv.append('\n');
    }
    String actor = Actors.current();
    audit.record(
        actor, "TRAINING_EXTRACT", "MODEL_DEVELOPMENT", "population", users.size() + " users");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"training-extract.csv\"")
        .body(csv.toString());
  }

  private static Map<String, Object> scalars(FeatureValues f) {
    return f.scalars();
  }

  private static String cell(String text) {
    return text.contains(",") || text.contains("\"") || text.contains("\n")
        ? "\"" + text.replace("\"", "\"\"") + "\""
        : text;
  }
}
