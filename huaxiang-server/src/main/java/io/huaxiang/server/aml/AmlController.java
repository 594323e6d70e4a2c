package io.huaxiang.server.aml;

import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.security.Actors;
import io.huaxiang.store.AmlCaseStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** AML findings for review (roles risk_ops and compliance): large-value reports and cases. */
@RestController
@RequestMapping(path = "/api/v1/aml", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "aml", description = "Anti-money-laundering findings / 反洗钱")
class AmlController {
  private static final int MAX = 1_000;

  private final AmlCaseStore cases;
  private final AmlMonitor monitor;
  private final AuditService audit;

  AmlController(AmlCaseStore cases, AmlMonitor monitor, AuditService audit) {
    this.cases = cases;
    this.monitor = monitor;
    this.audit = audit;
  }

  @Operation(
      summary =
          "Large-value reports (kind=large_value) and suspicious-activity cases (kind=suspicious),"
              + " newest first")
  @GetMapping("/cases")
  List<AmlCaseStore.AmlCase> list(
      @RequestParam(required = false) String kind,
      @RequestParam(name = "user_id", required = false) String userId,
      @RequestParam(defaultValue = "100") int limit) {
    if (kind != null && !kind.equals("large_value") && !kind.equals("suspicious")) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "kind must be large_value or suspicious",
          "kind 须为 large_value 或 suspicious");
    }
    if (limit < 1 || limit > MAX) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_PAGE",
          "limit must be between 1 and " + MAX,
          "limit 须在 1 到 " + MAX + " 之间");
    }
    monitor.catchUp(); // what was ingested a moment ago is screened before it is listed
    List<AmlCaseStore.AmlCase> found = cases.list(kind, userId, limit);
    String actor = Actors.current();
    audit.recordLater(
        actor,
        "READ_AML_CASES",
        "AML_REVIEW",
        userId == null ? "aml_cases" : "user:" + userId,
        found.size() + " cases");
    return found;
  }
}
