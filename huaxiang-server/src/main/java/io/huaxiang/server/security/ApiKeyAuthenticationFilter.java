package io.huaxiang.server.security;

import io.huaxiang.server.api.ProblemHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates machine clients by API key, from {@code X-Api-Key: hx_...} or {@code Authorization:
 * Bearer hx_...}. A presented but unknown or revoked key is refused at once with 401: falling back
 * to anonymous would hide a misconfigured client. Nothing is kept in a session: every request
 * carries its key, which is also why these requests need no CSRF token.
 */
public final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
  public static final String HEADER = "X-Api-Key";

  private final ApiKeys keys;
  private final SecurityProblems problems;

  public ApiKeyAuthenticationFilter(ApiKeys keys, SecurityProblems problems) {
    this.keys = keys;
    this.problems = problems;
  }

  /** The key a request carries, if any. */
  static Optional<String> presented(HttpServletRequest request) {
    String header = request.getHeader(HEADER);
    if (header != null && !header.isBlank()) {
      return Optional.of(header.strip());
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && authorization.substring(7).strip().startsWith(ApiKeys.PREFIX)) {
      return Optional.of(authorization.substring(7).strip());
    }
    return Optional.empty();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> key = presented(request);
    if (key.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ClientPrincipal> client = keys.check(key.get());
    if (client.isEmpty()) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"huaxiang\", error=\"invalid_token\"");
      problems.write(
          response,
          ProblemHandler.problem(
              HttpStatus.UNAUTHORIZED,
              "INVALID_API_KEY",
              "the API key is unknown or revoked",
              "API 密钥无效或已吊销"));
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            client.get(),
            null,
            client.get().scopes().stream()
                .map(s -> new SimpleGrantedAuthority(s.authority()))
                .collect(Collectors.toList())));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
