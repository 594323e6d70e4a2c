package io.huaxiang.server.decision;

import io.huaxiang.core.decision.ApplicationForm;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.security.Actors;
import io.huaxiang.store.DecisionRecord;
import io.huaxiang.store.ReviewTask;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
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
 * The decision API: decide an application (idempotent on {@code request_id}), read and replay a
 * stored decision, and ask for a human to review an automated decision.
 */
@RestController
@RequestMapping(path = "/api/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "decisions", description = "Loan decisioning / 贷款决策")
class DecisionController {
  private final DecisionService service;
  private final AuditService audit;

  DecisionController(DecisionService service, AuditService audit) {
    this.service = service;
    this.audit = audit;
  }

  @Operation(
      summary =
          "Decide a loan application: APPROVE / DECLINE / REVIEW / DEFER with amount, line, APR,"
              + " total cost, terms, reasons, score and PD; idempotent on request_id")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<DecisionService.Stored> decide(@RequestBody ApplicationForm form) {
    DecisionService.Stored d = service.decide(form, Actors.current());
    return ResponseEntity.status(d.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(d);
  }

  @Operation(summary = "A stored decision")
  @GetMapping("/{id}")
  DecisionService.Stored get(@PathVariable String id) {
    DecisionRecord r = find(id);
    audit.recordLater(
        Actors.current(),
        "READ_DECISION",
        "CREDIT_REVIEW",
        "user:" + r.userId(),
        "decision=" + r.decisionId());
    return service.view(r);
  }

  @Operation(summary = "Re-run a stored decision on its input snapshot; identical must be true")
  @PostMapping("/{id}/replay")
  DecisionService.Replay replay(@PathVariable String id) {
    return service.replay(find(id));
  }

  /** A borrower's request for review. */
  record ReviewRequest(String note) {}

  @Operation(
      summary =
          "Ask for a human to review an automated decision (PIPL Art 24): opens a review task with an SLA")
  @PostMapping(path = "/{id}/review-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ReviewTask> requestReview(
      @PathVariable String id, @RequestBody(required = false) ReviewRequest request) {
    String note = request == null || request.note() == null ? "" : request.note();
    if (note.length() > 2000) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "TOO_LONG",
          "the note is longer than 2,000 characters",
          "说明超过2000字");
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(service.requestReview(find(id), note, Actors.current()));
  }

  @Operation(summary = "Review tasks by status (open, closed), soonest due first")
  @GetMapping("/review-tasks")
  List<ReviewTask> reviewTasks(@RequestParam(defaultValue = "open") String status) {
    if (!status.equals("open") && !status.equals("closed")) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "status is open or closed",
          "status 只能是 open 或 closed");
    }
    return service.reviews().list(status, 500);
  }

  /** How a reviewer closes a task. */
  record Resolution(String resolution) {}

  @Operation(summary = "Close a review task with its resolution")
  @PostMapping(path = "/review-tasks/{taskId}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
  ReviewTask close(@PathVariable long taskId, @RequestBody Resolution resolution) {
    if (resolution == null
        || resolution.resolution() == null
        || resolution.resolution().isBlank()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "MISSING_FIELD", "resolution is required", "缺少处理结论 resolution");
    }
    String by = Actors.current();
    return service
        .closeReview(taskId, by, resolution.resolution())
        .orElseThrow(
            () -> ApiException.notFound("open review task " + taskId, "待处理的复核任务 " + taskId));
  }

  private DecisionRecord find(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("decision " + id.substring(0, Math.min(40, id.length())), "决策");
    }
    return service
        .find(uuid)
        .filter(this::visibleToCaller)
        .orElseThrow(() -> ApiException.notFound("decision " + id, "决策 " + id));
  }

  /**
   * Object-level check: a machine client ({@code decide} key) sees only the decisions it asked for
   * (the requester is stored with each decision); staff roles see every decision their role may
   * read. Someone else's decision is answered exactly like a missing one (404, not 403), so
   * decision ids cannot be probed.
   */
  private boolean visibleToCaller(DecisionRecord r) {
    if (Actors.client().isEmpty()) {
      return true;
    }
    String caller = Actors.current();
    return service.store().requesterOf(r.decisionId()).map(caller::equals).orElse(false);
  }
}
