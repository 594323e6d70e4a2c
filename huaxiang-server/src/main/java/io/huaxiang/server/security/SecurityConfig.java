package io.huaxiang.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.store.ApiKeyStore;
import io.huaxiang.store.Database;
import io.huaxiang.store.StaffUserStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security for the API and the console. Three ways in: a console session (sign in at {@code
 * POST /api/v1/auth/login}; the session cookie is HttpOnly, SameSite=Strict, Secure over HTTPS),
 * HTTP Basic for scripts and curl, and API keys for machine clients. Who may call what is in {@link
 * EndpointRules}; unknown paths are refused.
 *
 * <p>CSRF: a browser sends the session cookie by itself, so every state-changing request in a
 * session must carry the session's CSRF token ({@code X-CSRF-TOKEN}; {@code /api/v1/auth/me} hands
 * it out). Requests that carry their credentials in a header (API key, Basic) cannot be forged
 * cross-site and need no token. Sign-in itself needs none: it has no session yet, and SameSite
 * keeps a forged sign-in's cookie from being used cross-site.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfig {

  @Bean
  PasswordEncoder passwordEncoder(SecuritySettings settings) {
    return Passwords.encoder(settings.bcryptStrength());
  }

  @Bean
  StaffUserStore staffUserStore(Database database) {
    return new StaffUserStore(database.dataSource());
  }

  @Bean
  ApiKeyStore apiKeyStore(Database database) {
    return new ApiKeyStore(database.dataSource());
  }

  @Bean
  ApiKeys apiKeys(ApiKeyStore store, Clock clock, SecuritySettings settings) {
    return new ApiKeys(store, clock, settings.apiKeyCache());
  }

  @Bean
  LoginThrottle loginThrottle(SecuritySettings settings, Clock clock) {
    return new LoginThrottle(settings.ipFailuresPerMinute(), clock);
  }

  @Bean
  SecurityProblems securityProblems(ObjectMapper json, AuditService audit) {
    return new SecurityProblems(json, audit);
  }

  @Bean
  StaffAuthenticationProvider staffAuthenticationProvider(
      StaffUserStore users,
      PasswordEncoder passwords,
      LoginThrottle throttle,
      AuditService audit,
      Clock clock,
      SecuritySettings settings) {
    return new StaffAuthenticationProvider(users, passwords, throttle, audit, clock, settings);
  }

  @Bean
  AuthenticationManager authenticationManager(StaffAuthenticationProvider staff) {
    return new ProviderManager(staff);
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  ApiKeyAuthenticationFilter apiKeyAuthenticationFilter(ApiKeys keys, SecurityProblems problems) {
    return new ApiKeyAuthenticationFilter(keys, problems);
  }

  // the filter runs inside the security chain only, not a second time as a plain servlet filter
  @Bean
  FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyFilterRegistration(
      ApiKeyAuthenticationFilter filter) {
    FilterRegistrationBean<ApiKeyAuthenticationFilter> r = new FilterRegistrationBean<>(filter);
    r.setEnabled(false);
    return r;
  }

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      AuthenticationManager authentication,
      SecurityContextRepository contexts,
      ApiKeyAuthenticationFilter apiKeys,
      SecurityProblems problems)
      throws Exception {
    // CSRF matters only where the browser adds the credential by itself: a session cookie. A
    // request without a session has nothing to forge (and gets its 401), one with its
    // credentials in a header cannot be forged cross-site
    RequestMatcher csrfProtected =
        request ->
            !SAFE_METHODS.contains(request.getMethod())
                && request.getSession(false) != null
                && ApiKeyAuthenticationFilter.presented(request).isEmpty()
                && !basic(request)
                && !"/api/v1/auth/login"
                    .equals(request.getRequestURI().substring(request.getContextPath().length()));
    // the plain handler: the console sends the token as handed out (no BREACH masking needed,
    // the token travels in JSON bodies of API responses, not in compressed HTML pages)
    CsrfTokenRequestAttributeHandler plainToken = new CsrfTokenRequestAttributeHandler();
    http.authenticationManager(authentication)
        .securityContext(c -> c.securityContextRepository(contexts))
        .authorizeHttpRequests(EndpointRules::apply)
        .httpBasic(b -> b.authenticationEntryPoint(problems))
        .addFilterBefore(apiKeys, BasicAuthenticationFilter.class)
        .csrf(
            c ->
                c.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
                    .csrfTokenRequestHandler(plainToken)
                    .requireCsrfProtectionMatcher(csrfProtected))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .requestCache(r -> r.disable())
        .anonymous(a -> a.principal("anonymous"));
    return http.build();
  }

  private static final java.util.Set<String> SAFE_METHODS =
      java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private static boolean basic(HttpServletRequest request) {
    String a = request.getHeader("Authorization");
    return a != null && a.regionMatches(true, 0, "Basic ", 0, 6);
  }
}
