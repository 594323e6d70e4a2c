package io.huaxiang.server.audit;

import io.huaxiang.core.audit.AuditEntry;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.security.Actors;
import io.huaxiang.store.AuditQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for auditors (and compliance): search by actor, action, subject and time, newest
 * first, paged by {@code before}. Searching is itself recorded ({@code AUDIT_SEARCH}), like the
 * CLI's {@code huaxiang audit search}.
 */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "audit", description = "Search the tamper-evident audit log / 审计日志查询")
class AuditController {
  private static final int MAX_TEXT = 200;

  private final AuditService audit;

  AuditController(AuditService audit) {
    this.audit = audit;
  }

  record Page(List<AuditEntry> entries, Long nextBefore) {}

  @Operation(
      summary =
          "Audit entries matching every given criterion, newest first; pass next_before as before"
              + " for the next page")
  @GetMapping
  Page search(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String subject,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(defaultValue = "AUDIT_REVIEW") String purpose) {
    AuditQuery query;
    try {
      query =
          new AuditQuery(
              text(actor, "actor"),
              text(action, "action"),
              text(subject, "subject"),
              time(from, "from"),
              time(to, "to"),
              before,
              limit);
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_QUERY", e.getMessage(), "查询条件无效");
    }
    List<AuditEntry> entries = audit.store().search(query);
    audit.recordLater(
        Actors.current(),
        "AUDIT_SEARCH",
        text(purpose, "purpose"),
        subject == null ? "" : subject,
        "actor="
            + actor
            + " action="
            + action
            + " from="
            + from
            + " to="
            + to
            + " -> "
            + entries.size());
    Long next = entries.size() == query.limit() ? entries.get(entries.size() - 1).seq() : null;
    return new Page(entries, next);
  }

  private static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          field + " must be at most " + MAX_TEXT + " printable characters",
          field + " 最多 " + MAX_TEXT + " 个可打印字符");
    }
    return value;
  }

  private static Instant time(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_TIME",
          field + " must be an ISO-8601 instant such as 2026-03-01T08:00:00Z",
          field + " 须为 ISO-8601 时间,例如 2026-03-01T08:00:00Z");
    }
  }
}
