package io.huaxiang.server.security;

import static io.huaxiang.server.security.Role.ADMIN;
import static io.huaxiang.server.security.Role.AUDITOR;
import static io.huaxiang.server.security.Role.COMPLIANCE;
import static io.huaxiang.server.security.Role.MARKETING;
import static io.huaxiang.server.security.Role.RISK_ANALYST;
import static io.huaxiang.server.security.Role.RISK_OPS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which role or API-key scope may call which endpoint: the one place where these rules live, read
 * top to bottom, first match wins. Anything not listed is refused (deny by default), so a new
 * endpoint is unreachable until a rule here names who may call it; the matrix test ({@code
 * EndpointRoleMatrixTest}) also fails until it has a row for it.
 *
 * <p>Why these roles: personal data (C2) is for the risk roles, who need it to assess credit, and
 * compliance, who serve data-subject requests; marketing sees aggregates and segments only; the
 * auditor sees the audit log and model governance; machine clients reach only what their scopes
 * allow. Admin runs the platform and reaches most functions, but not the audit log (it records
 * admin actions) nor data-subject requests.
 */
public final class EndpointRules {
  private EndpointRules() {}

  /** Reachable without signing in: the console's files, the API docs, health, sign-in. */
  public static final List<String> PUBLIC =
      List.of(
          "/",
          "/index.html",
          "/favicon.svg",
          "/css/**",
          "/js/**",
          "/webjars/**",
          "/v3/api-docs/**",
          "/v3/api-docs",
          "/v3/api-docs.yaml",
          "/swagger-ui.html",
          "/swagger-ui/**",
          "/actuator/health",
          "/actuator/health/**",
          "/error");

  /**
   * One rule: a method (null: every method) and a path pattern, and who may call it.
   *
   * @param anyAuthenticated every signed-in member of staff and every API key may call it
   */
  public record Rule(
      HttpMethod method,
      String pattern,
      Set<Role> roles,
      Set<Scope> scopes,
      boolean anyAuthenticated) {
    public Rule {
      roles = Set.copyOf(roles);
      scopes = Set.copyOf(scopes);
    }

    String[] authorities() {
      List<String> out = new ArrayList<>();
      roles.forEach(r -> out.add(r.authority()));
      scopes.forEach(s -> out.add(s.authority()));
      return out.toArray(String[]::new);
    }
  }

  private static final Set<Role> STAFF = Set.of(Role.values());
  private static final Set<Role> RISK = Set.of(ADMIN, RISK_ANALYST, RISK_OPS);
  private static final Set<Role> PERSONAL_DATA = Set.of(ADMIN, RISK_ANALYST, RISK_OPS, COMPLIANCE);

  /** The rules, in the order they are tried. */
  public static final List<Rule> RULES =
      List.of(
          // sign-in: who am I, sign out (sign-in itself is public, see SecurityConfig)
          any(HttpMethod.GET, "/api/v1/auth/me"),
          any(HttpMethod.POST, "/api/v1/auth/logout"),
          // what the platform knows: feature and tag catalogue, the event schema
          any(HttpMethod.GET, "/api/v1/catalogue/**"),
          any(HttpMethod.GET, "/api/v1/events/schema"),
          // ingestion: machine clients with the ingest scope; admin for corrections
          rule(HttpMethod.POST, "/api/v1/events", Set.of(ADMIN), Scope.INGEST),
          rule(HttpMethod.POST, "/api/v1/events/batch", Set.of(ADMIN), Scope.INGEST),
          // a user's offers: the loan app (decide key) shows them to the borrower
          rule(HttpMethod.GET, "/api/v1/users/*/offers", PERSONAL_DATA, Scope.DECIDE),
          // one user's data (C2): the risk roles (masked) and compliance (clear)
          rule(HttpMethod.GET, "/api/v1/users/**", PERSONAL_DATA),
          // the console's user list names users and their tags (C2); the rest are aggregates
          rule(HttpMethod.GET, "/api/v1/population/users", PERSONAL_DATA),
          rule(HttpMethod.GET, "/api/v1/population/**", union(PERSONAL_DATA, MARKETING)),
          // operations: ingestion counts and refused input (which may quote personal data)
          rule(HttpMethod.GET, "/api/v1/ops/**", Set.of(ADMIN, RISK_OPS)),
          // model registry: registration and four-eyes status changes by analysts and admin;
          // scoring by the risk roles and decision clients; reading for governance too
          // scoring a known user from their portrait: also needs credit-assessment consent
          rule(HttpMethod.POST, "/api/v1/models/*/users/*/score", RISK, Scope.DECIDE),
          // the training extract holds every consenting user's features (C2): model builders
          rule(HttpMethod.GET, "/api/v1/models/training-extract", Set.of(ADMIN, RISK_ANALYST)),
          rule(HttpMethod.POST, "/api/v1/models/*/score", RISK, Scope.DECIDE),
          rule(HttpMethod.POST, "/api/v1/models/*/score/batch", RISK, Scope.DECIDE),
          rule(HttpMethod.POST, "/api/v1/models/**", Set.of(ADMIN, RISK_ANALYST)),
          rule(HttpMethod.POST, "/api/v1/models", Set.of(ADMIN, RISK_ANALYST)),
          rule(HttpMethod.GET, "/api/v1/models/**", union(RISK, COMPLIANCE, AUDITOR)),
          rule(HttpMethod.GET, "/api/v1/models", union(RISK, COMPLIANCE, AUDITOR)),
          // segments: the risk roles and marketing; exports carry no C2 (SegmentController)
          rule(HttpMethod.GET, "/api/v1/segments/**", union(RISK, MARKETING)),
          rule(HttpMethod.GET, "/api/v1/segments", union(RISK, MARKETING)),
          rule(HttpMethod.POST, "/api/v1/segments/**", Set.of(ADMIN, RISK_ANALYST, MARKETING)),
          rule(HttpMethod.POST, "/api/v1/segments", Set.of(ADMIN, RISK_ANALYST, MARKETING)),
          // analytics (lifecycle, personas): aggregates for the risk roles and marketing
          rule(HttpMethod.GET, "/api/v1/lifecycle/**", union(RISK, MARKETING, COMPLIANCE)),
          rule(HttpMethod.GET, "/api/v1/personas/**", union(RISK, MARKETING, COMPLIANCE)),
          rule(HttpMethod.POST, "/api/v1/personas/**", Set.of(ADMIN, RISK_ANALYST, MARKETING)),
          // churn warning: analysts train; the model is an aggregate; the at-risk list names users
          rule(HttpMethod.POST, "/api/v1/churn/train", Set.of(ADMIN, RISK_ANALYST)),
          rule(HttpMethod.GET, "/api/v1/churn/at-risk", PERSONAL_DATA),
          rule(HttpMethod.GET, "/api/v1/churn/**", union(RISK, MARKETING, COMPLIANCE)),
          // decisioning: decision clients and the risk roles decide; compliance reviews
          // the review queue holds many users' decisions: staff only, closed by ops or compliance
          rule(HttpMethod.GET, "/api/v1/decisions/review-tasks", union(RISK, COMPLIANCE)),
          rule(
              HttpMethod.POST,
              "/api/v1/decisions/review-tasks/**",
              Set.of(ADMIN, RISK_OPS, COMPLIANCE)),
          // the console's decision stream names recent applicants; the try-out acts on nothing
          // but reads a portrait: staff of the risk roles, no API key
          rule(HttpMethod.GET, "/api/v1/decisions/stream", union(RISK, COMPLIANCE)),
          rule(HttpMethod.POST, "/api/v1/decisions/dry-run", RISK),
          rule(HttpMethod.POST, "/api/v1/decisions/**", RISK, Scope.DECIDE),
          rule(HttpMethod.POST, "/api/v1/decisions", RISK, Scope.DECIDE),
          rule(HttpMethod.GET, "/api/v1/decisions/**", union(RISK, COMPLIANCE), Scope.DECIDE),
          rule(HttpMethod.GET, "/api/v1/decisions", union(RISK, COMPLIANCE), Scope.DECIDE),
          // what-if replays many stored snapshots (CPU): the risk roles who change strategies
          rule(HttpMethod.GET, "/api/v1/strategies/*/versions/*/what-if", RISK),
          rule(HttpMethod.GET, "/api/v1/strategies/**", union(RISK, COMPLIANCE, AUDITOR)),
          rule(HttpMethod.GET, "/api/v1/strategies", union(RISK, COMPLIANCE, AUDITOR)),
          rule(null, "/api/v1/strategies/**", Set.of(ADMIN, RISK_ANALYST)),
          rule(null, "/api/v1/strategies", Set.of(ADMIN, RISK_ANALYST)),
          // black/grey/white lists (hashed identifiers): ops maintain them, analysts read
          rule(HttpMethod.GET, "/api/v1/lists", RISK),
          rule(HttpMethod.POST, "/api/v1/lists/**", Set.of(ADMIN, RISK_OPS)),
          rule(HttpMethod.POST, "/api/v1/lists", Set.of(ADMIN, RISK_OPS)),
          rule(HttpMethod.GET, "/api/v1/budgets/**", RISK),
          rule(HttpMethod.GET, "/api/v1/budgets", RISK),
          rule(null, "/api/v1/budgets/**", Set.of(ADMIN, RISK_OPS)),
          rule(null, "/api/v1/budgets", Set.of(ADMIN, RISK_OPS)),
          rule(HttpMethod.GET, "/api/v1/offers/**", union(RISK, MARKETING)),
          rule(HttpMethod.GET, "/api/v1/offers", union(RISK, MARKETING)),
          rule(null, "/api/v1/offers/**", Set.of(ADMIN, MARKETING)),
          rule(null, "/api/v1/offers", Set.of(ADMIN, MARKETING)),
          // AML findings: operations review them, compliance reports them
          rule(HttpMethod.GET, "/api/v1/aml/**", Set.of(RISK_OPS, COMPLIANCE)),
          // data-subject requests and consent (PIPL Arts 44-47): compliance only
          rule(null, "/api/v1/privacy/**", Set.of(COMPLIANCE)),
          rule(null, "/api/v1/privacy", Set.of(COMPLIANCE)),
          // the audit log: auditors, and compliance for data-subject requests; not admin,
          // whose own actions it records
          rule(HttpMethod.GET, "/api/v1/audit/**", Set.of(AUDITOR, COMPLIANCE)),
          rule(HttpMethod.GET, "/api/v1/audit", Set.of(AUDITOR, COMPLIANCE)),
          // metrics and the rest of actuator: admin
          rule(HttpMethod.GET, "/actuator/**", Set.of(ADMIN)));

  /** Registers the rules, then refuses everything else. */
  public static void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          registry) {
    registry.requestMatchers(PUBLIC.toArray(String[]::new)).permitAll();
    registry.requestMatchers(HttpMethod.POST, "/api/v1/auth/login").permitAll();
    for (Rule r : RULES) {
      var matcher =
          r.method() == null
              ? registry.requestMatchers(r.pattern())
              : registry.requestMatchers(r.method(), r.pattern());
      if (r.anyAuthenticated()) {
        matcher.authenticated();
      } else {
        matcher.hasAnyAuthority(r.authorities());
      }
    }
    registry.anyRequest().denyAll();
  }

  /**
   * Whether a staff member with {@code role} may call {@code method path} by these rules (for the
   * console, which shows only what the role may use; the filter chain enforces the same rules).
   */
  public static boolean allows(Role role, HttpMethod method, String path) {
    var container = org.springframework.http.server.PathContainer.parsePath(path);
    for (String p : PUBLIC) {
      if (PARSER.parse(p).matches(container)) {
        return true;
      }
    }
    for (Rule r : RULES) {
      if ((r.method() == null || r.method().equals(method))
          && PARSER.parse(r.pattern()).matches(container)) {
        return r.anyAuthenticated() || r.roles().contains(role);
      }
    }
    return false;
  }

  private static final org.springframework.web.util.pattern.PathPatternParser PARSER =
      new org.springframework.web.util.pattern.PathPatternParser();

  private static Rule any(HttpMethod method, String pattern) {
    return new Rule(method, pattern, STAFF, Set.of(Scope.values()), true);
  }

  private static Rule rule(HttpMethod method, String pattern, Set<Role> roles, Scope... scopes) {
    return new Rule(method, pattern, roles, Set.of(scopes), false);
  }

  private static Set<Role> union(Set<Role> roles, Role... more) {
    Set<Role> out = new LinkedHashSet<>(roles);
    out.addAll(Arrays.asList(more));
    return out;
  }

  private static Set<Role> union(Set<Role> a, Set<Role> b) {
    Set<Role> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return out;
  }
}
