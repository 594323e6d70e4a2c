package io.huaxiang.server.api;

import io.huaxiang.core.event.InvalidEventException;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into an RFC 9457 problem (application/problem+json) with a stable {@code
 * reason}, the field at fault and a Chinese message; user errors are 4xx, never a stack trace.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(InvalidEventException.class)
  ProblemDetail invalidEvent(InvalidEventException e) {
    ProblemDetail p =
        problem(HttpStatus.BAD_REQUEST, e.reason().name(), e.getMessage(), e.reason().zh());
    p.setTitle("Invalid event: " + e.reason().en());
    if (e.field() != null) {
      p.setProperty("field", e.field());
    }
    return p;
  }

  @ExceptionHandler(ApiException.class)
  ProblemDetail api(ApiException e) {
    return problem(e.status(), e.reason(), e.getMessage(), e.messageZh());
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    String reference = UUID.randomUUID().toString();
    // only the exception type and our reference go to the log: messages may quote user data
    log.error("unexpected error {} ({})", reference, e.getClass().getName(), e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "INTERNAL_ERROR",
        "internal error; quote reference " + reference + " to the operators",
        "内部错误,请向运维人员提供编号 " + reference);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof PayloadTooLargeException tooLarge) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
          .body(problem(HttpStatus.PAYLOAD_TOO_LARGE, "TOO_LARGE", tooLarge.getMessage(), "请求体过大"));
    }
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "MALFORMED_REQUEST",
                "the request body cannot be read: " + cause.getClass().getSimpleName(),
                "请求体无法读取"));
  }

  public static ProblemDetail problem(
      HttpStatusCode status, String reason, String detail, String detailZh) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("urn:huaxiang:problem:" + reason.toLowerCase().replace('_', '-')));
    p.setProperty("reason", reason);
    p.setProperty("detail_zh", detailZh);
    return p;
  }
}
