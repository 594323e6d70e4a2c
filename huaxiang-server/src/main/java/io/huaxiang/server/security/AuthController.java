package io.huaxiang.server.security;

import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.api.ProblemHandler;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.store.StaffUserStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signing in and out of the console, and who the caller is (with what the role may use). */
@RestController
@RequestMapping(path = "/api/v1/auth", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "auth", description = "Sign-in and the caller's role / 登录与角色")
class AuthController {
  /** Console areas and a request each needs; the console shows an area only if it is allowed. */
  private static final Map<String, String> FEATURES = features();

  private final AuthenticationManager authentication;
  private final SecurityContextRepository contexts;
  private final StaffUserStore users;
  private final AuditService audit;
  private final Clock clock;

  AuthController(
      AuthenticationManager authentication,
      SecurityContextRepository contexts,
      StaffUserStore users,
      AuditService audit,
      Clock clock) {
    this.authentication = authentication;
    this.contexts = contexts;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  record Credentials(String username, String password) {
    @Override
    public String toString() {
      return "Credentials[" + username + ", ******]";
    }
  }

  /**
   * The caller.
   *
   * @param kind {@code staff} or {@code client}
   * @param features console areas (overview, user360, ops, models, ...) and whether the role may
   *     use them
   * @param csrfToken send it as {@code X-CSRF-TOKEN} with every POST/PUT/DELETE of this session
   */
  record Me(
      String username,
      String kind,
      String role,
      String roleZh,
      List<String> scopes,
      boolean clearPersonalData,
      Map<String, Boolean> features,
      String csrfToken) {}

  @Operation(summary = "Sign in with name and password; starts a console session (cookie)")
  @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
  Me login(
      @RequestBody Credentials credentials,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (credentials == null
        || credentials.username() == null
        || credentials.username().isBlank()
        || credentials.password() == null) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "MISSING_FIELD",
          "send {\"username\": ..., \"password\": ...}",
          "请提供用户名和密码");
    }
    UsernamePasswordAuthenticationToken token =
        UsernamePasswordAuthenticationToken.unauthenticated(
            credentials.username(), credentials.password());
    token.setDetails(new WebAuthenticationDetails(request));
    Authentication signedIn = authentication.authenticate(token);
    // a new session id at sign-in, so a session id planted before it is worth nothing (fixation)
    HttpSession existing = request.getSession(false);
    if (existing != null) {
      request.changeSessionId();
    } else {
      request.getSession(true);
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(signedIn);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    StaffPrincipal staff = (StaffPrincipal) signedIn.getPrincipal();
    users.recordSuccess(staff.username(), clock.instant());
    audit.record(staff.actor(), "LOGIN", "AUTHENTICATION", "", "from " + request.getRemoteAddr());
    return me(request);
  }

  @Operation(summary = "Sign out: ends the session")
  @PostMapping("/logout")
  ResponseEntity<Void> logout(HttpServletRequest request) {
    String actor = Actors.current();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    audit.recordLater(actor, "LOGOUT", "AUTHENTICATION", "", "");
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Who is calling: name, role or scopes, console areas, CSRF token")
  @GetMapping("/me")
  Me me(HttpServletRequest request) {
    CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String csrfToken = csrf == null ? null : csrf.getToken();
    var client = Actors.client();
    if (client.isPresent()) {
      return new Me(
          client.get().keyName(),
          "client",
          null,
          null,
          client.get().scopes().stream().map(Scope::wire).sorted().toList(),
          false,
          Map.of(),
          null);
    }
    Role role = Actors.role().orElseThrow();
    Map<String, Boolean> features = new LinkedHashMap<>();
    FEATURES.forEach(
        (name, probe) -> {
          int space = probe.indexOf(' ');
          features.put(
              name,
              EndpointRules.allows(
                  role, HttpMethod.valueOf(probe.substring(0, space)), probe.substring(space + 1)));
        });
    return new Me(
        SecurityContextHolder.getContext().getAuthentication().getName(),
        "staff",
        role.wire(),
        role.zh(),
        List.of(),
        Actors.seesClearPersonalData(),
        features,
        csrfToken);
  }

  @ExceptionHandler(SignInRefused.class)
  ResponseEntity<ProblemDetail> refused(SignInRefused e) {
    ResponseEntity.BodyBuilder b = ResponseEntity.status(e.status());
    if (!e.retryAfter().isZero()) {
      b.header("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
    }
    return b.contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemHandler.problem(e.status(), e.reason(), e.getMessage(), e.messageZh()));
  }

  private static Map<String, String> features() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("overview", "GET /api/v1/population/summary");
    m.put("user_list", "GET /api/v1/population/users");
    m.put("user360", "GET /api/v1/users/x/portrait");
    m.put("ops", "GET /api/v1/ops/stats");
    m.put("ingest", "POST /api/v1/events");
    m.put("models", "GET /api/v1/models");
    m.put("segments", "GET /api/v1/segments");
    m.put("segments_edit", "POST /api/v1/segments");
    m.put("decisions", "GET /api/v1/decisions");
    m.put("decision_stream", "GET /api/v1/decisions/stream");
    m.put("decision_try", "POST /api/v1/decisions/dry-run");
    m.put("what_if", "GET /api/v1/strategies/x/versions/1/what-if");
    m.put("personas_fit", "POST /api/v1/personas/fit");
    m.put("strategies", "GET /api/v1/strategies");
    m.put("budgets", "GET /api/v1/budgets");
    m.put("offers", "GET /api/v1/offers");
    m.put("personas", "GET /api/v1/personas/x");
    m.put("audit", "GET /api/v1/audit");
    m.put("privacy", "GET /api/v1/privacy/x");
    return m;
  }
}
