package io.huaxiang.server.decision;

import io.huaxiang.core.decision.DefinitionException;
import io.huaxiang.core.decision.InvalidApplicationException;
import io.huaxiang.store.StoreException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problems for refused applications and strategies, in the shape of the API's other
 * problems ({@code reason}, {@code field}, {@code detail}, {@code detail_zh}).
 */
// ahead of the API-wide handler, whose catch-all would otherwise answer 500
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = Problems.class)
class Problems {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Problems.class);

  @ExceptionHandler(InvalidApplicationException.class)
  ProblemDetail invalidApplication(InvalidApplicationException e) {
    HttpStatus status = e.policy() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
    ProblemDetail p = problem(status, e.reason(), e.getMessage(), e.messageZh());
    p.setTitle("Application refused");
    if (!e.field().isEmpty()) {
      p.setProperty("field", e.field());
    }
    return p;
  }

  @ExceptionHandler(DefinitionException.class)
  ProblemDetail invalidDefinition(DefinitionException e) {
    ProblemDetail p =
        problem(HttpStatus.BAD_REQUEST, "INVALID_STRATEGY", e.getMessage(), e.messageZh());
    p.setTitle("Strategy refused");
    p.setProperty("kind", e.kind());
    p.setProperty("field", e.path());
    return p;
  }

  /**
   * Fail closed: when the database a decision must be stored in (or read from) is down, nothing is
   * decided and the client gets a 503 problem to retry, never an approval it cannot rely on and
   * never a bare 500. Sources the engine only reads (portrait, lists, velocity, commitments) are
   * handled inside the decision instead: it is made without them and cannot approve.
   */
  @ExceptionHandler(StoreException.class)
  ResponseEntity<ProblemDetail> storeDown(StoreException e) {
    // the message names the operation only; the cause's type says what broke
    log.warn(
        "decisioning store unavailable: {} ({})",
        e.getMessage(),
        e.getCause() == null ? "-" : e.getCause().getClass().getSimpleName());
    ProblemDetail p =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "DEPENDENCY_UNAVAILABLE",
            "a source this request needs is unavailable; nothing was decided or changed, retry"
                + " later",
            "所需的数据源暂不可用,未作出决策也未作任何更改,请稍后重试");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "30")
        .body(p);
  }

  static ProblemDetail problem(HttpStatus status, String reason, String detail, String detailZh) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("urn:huaxiang:problem:" + reason.toLowerCase().replace('_', '-')));
    p.setProperty("reason", reason);
    p.setProperty("detail_zh", detailZh);
    return p;
  }
}
