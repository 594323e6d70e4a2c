package io.huaxiang.server.audit;

import io.huaxiang.server.security.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Audits every read of a user's data ({@code GET /api/v1/users/{userId}/...}: portrait, timeline,
 * tag history), of the dead letters (refused input, which may quote personal data) and of the
 * console's user list. The entry is queued before the handler runs and committed by the audit log's
 * group commit within milliseconds; the read does not wait for the commit, because a synchronous
 * commit on every read multiplied the portrait read latency under load (see
 * bench/results/audit.md). If the audit log falls too far behind, the read is refused rather than
 * left unrecorded.
 *
 * <p>The actor is the authenticated caller ({@link Actors#current}: {@code staff:<name>} or {@code
 * client:<key>}), never a header; the purpose comes from {@value #PURPOSE_HEADER} ({@code
 * "unspecified"} without it).
 */
final class UserDataReadAuditor implements HandlerInterceptor {
  private static final String DEAD_LETTERS = "/api/v1/ops/dead-letters";
  private static final String USER_LIST = "/api/v1/population/users";

  /** One user's data; refused input that may quote personal data; the list of users. */
  static final String[] PATHS = {
    "/api/v1/users/**", DEAD_LETTERS, USER_LIST,
  };

  static final String PURPOSE_HEADER = "X-Huaxiang-Purpose";

  /** Header values longer than this are cut, so a caller cannot bloat the log. */
  private static final int MAX_HEADER = 128;

  private static final String PREFIX = "/api/v1/users/";

  private static final Logger log = LoggerFactory.getLogger(UserDataReadAuditor.class);

  private final AuditService audit;

  UserDataReadAuditor(AuditService audit) {
    this.audit = audit;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!"GET".equals(request.getMethod())) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String query = request.getQueryString();
    audit
        .recordLater(
            Actors.current(),
            action(path),
            header(request, PURPOSE_HEADER, "unspecified"),
            subject(request, path),
            "GET " + path + (query == null ? "" : "?" + query))
        .exceptionally(
            e -> {
              // the message names the database problem, never the entry's content
              log.error("an audited read could not be recorded: {}", e.getMessage());
              return null;
            });
    return true;
  }

  /** What was read: the path after the user id, or which list. */
  static String action(String path) {
    if (path.equals(DEAD_LETTERS)) {
      return "READ_DEAD_LETTERS";
    }
    if (path.equals(USER_LIST)) {
      return "LIST_USERS";
    }
    if (path.endsWith("/portrait")) {
      return "READ_PORTRAIT";
    }
    if (path.endsWith("/events")) {
      return "READ_TIMELINE";
    }
    if (path.endsWith("/tags/history")) {
      return "READ_TAG_HISTORY";
    }
    return "READ_USER_DATA";
  }

  private static String subject(HttpServletRequest request, String path) {
    if (path.equals(DEAD_LETTERS)) {
      return "dead_letters";
    }
    if (path.equals(USER_LIST)) {
      return "population";
    }
    return "user:" + userId(request, path);
  }

  private static String userId(HttpServletRequest request, String path) {
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
            instanceof Map<?, ?> vars
        && vars.get("userId") instanceof String id) {
      return id;
    }
    // no controller matched (e.g. a 404): take the segment after /users/ so the attempt is recorded
    String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private static String header(HttpServletRequest request, String name, String absent) {
    String value = request.getHeader(name);
    if (value == null || value.isBlank()) {
      return absent;
    }
    // control characters would let a caller forge line breaks in exports of the log
    String clean = value.strip().replaceAll("\\p{Cntrl}", "?");
    return clean.length() > MAX_HEADER ? clean.substring(0, MAX_HEADER) : clean;
  }
}
