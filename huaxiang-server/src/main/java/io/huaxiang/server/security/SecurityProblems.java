package io.huaxiang.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.privacy.LogRedactor;
import io.huaxiang.server.api.ProblemHandler;
import io.huaxiang.server.audit.AuditService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Writes refusals of the security filters as RFC 9457 problems, like every other API error: 401
 * without credentials (or with wrong ones), 403 for a role that may not, 403 for a missing CSRF
 * token, 423 for a locked account, 429 when an address must wait.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
  private final ObjectMapper json;
  private final AuditService audit;

  public SecurityProblems(ObjectMapper json, AuditService audit) {
    this.json = json;
    this.audit = audit;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof SignInRefused refused) {
      refused(response, refused);
      return;
    }
    // a Bearer challenge, not Basic: a Basic challenge would make browsers pop up their own dialog
    response.setHeader("WWW-Authenticate", "Bearer realm=\"huaxiang\"");
    write(
        response,
        ProblemHandler.problem(
            HttpStatus.UNAUTHORIZED,
            "UNAUTHENTICATED",
            "sign in (POST /api/v1/auth/login), or send an API key in X-Api-Key",
            "请先登录,或在 X-Api-Key 请求头中提供 API 密钥"));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    if (e instanceof CsrfException) {
      write(
          response,
          ProblemHandler.problem(
              HttpStatus.FORBIDDEN,
              "CSRF_TOKEN_INVALID",
              "a signed-in session must send its CSRF token in the X-CSRF-TOKEN header"
                  + " (GET /api/v1/auth/me returns it)",
              "会话请求须在 X-CSRF-TOKEN 请求头中携带 CSRF 令牌"));
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // a refused attempt is an access to account for too (who tried to reach what)
    audit
        .recordLater(
            Actors.current(),
            "ACCESS_DENIED",
            "AUTHORISATION",
            "",
            request.getMethod() + " " + (path.length() > 200 ? path.substring(0, 200) : path))
        .exceptionally(failure -> null);
    write(
        response,
        ProblemHandler.problem(
            HttpStatus.FORBIDDEN,
            "FORBIDDEN",
            // the path may hold an identifier (a phone used as user id): never echo it in clear
            "your role or key may not use " + request.getMethod() + " " + LogRedactor.redact(path),
            "您的角色或密钥无权使用该功能"));
  }

  /** Writes a refused sign-in (also used by the sign-in endpoint). */
  void refused(HttpServletResponse response, SignInRefused refused) throws IOException {
    if (!refused.retryAfter().isZero()) {
      response.setHeader("Retry-After", String.valueOf(refused.retryAfter().toSeconds()));
    }
    write(
        response,
        ProblemHandler.problem(
            refused.status(), refused.reason(), refused.getMessage(), refused.messageZh()));
  }

  void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
