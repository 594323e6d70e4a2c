package io.huaxiang.server.decision;

import io.huaxiang.core.decision.DefinitionException;
import io.huaxiang.core.decision.InvalidApplicationException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

  static ProblemDetail problem(HttpStatus status, String reason, String detail, String detailZh) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("urn:huaxiang:problem:" + reason.toLowerCase().replace('_', '-')));
    p.setProperty("reason", reason);
    p.setProperty("detail_zh", detailZh);
    return p;
  }
}
