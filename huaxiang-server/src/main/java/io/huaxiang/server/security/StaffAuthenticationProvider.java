package io.huaxiang.server.security;

import io.huaxiang.server.audit.AuditService;
import io.huaxiang.store.StaffUser;
import io.huaxiang.store.StaffUserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a staff member's name and password, for the console's sign-in and HTTP Basic alike: the
 * address throttle first, then the account lock, then the password. Wrong passwords are counted per
 * account (a lock after {@code maxFailedLogins}) and per address, and audited.
 */
public final class StaffAuthenticationProvider implements AuthenticationProvider {
  private final StaffUserStore users;
  private final PasswordEncoder passwords;
  private final LoginThrottle throttle;
  private final AuditService audit;
  private final Clock clock;
  private final SecuritySettings settings;
  // compared against when the account does not exist, so timing does not tell which names exist
  private final String decoyHash;

  public StaffAuthenticationProvider(
      StaffUserStore users,
      PasswordEncoder passwords,
      LoginThrottle throttle,
      AuditService audit,
      Clock clock,
      SecuritySettings settings) {
    this.users = users;
    this.passwords = passwords;
    this.throttle = throttle;
    this.audit = audit;
    this.clock = clock;
    this.settings = settings;
    this.decoyHash = passwords.encode("decoy-password-never-used");
  }

  @Override
  public Authentication authenticate(Authentication request) {
    String username = request.getName() == null ? "" : request.getName();
    String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
    String address =
        request.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
            ? d.getRemoteAddress()
            : "unknown";
    Duration wait = throttle.waitFor(address);
    if (!wait.isZero() && !wait.isNegative()) {
      throw SignInRefused.throttled(wait);
    }
    Instant now = clock.instant();
    // a name no account can have is not looked up (PostgreSQL refuses NUL bytes, for one)
    boolean plausible =
        username.length() <= 64 && username.chars().noneMatch(Character::isISOControl);
    Optional<StaffUser> account = plausible ? users.find(username) : Optional.empty();
    if (account.isPresent() && account.get().lockedAt(now)) {
      throttle.failed(address);
      audited("LOGIN_REFUSED_LOCKED", username, address);
      throw SignInRefused.locked();
    }
    boolean matches =
        passwords.matches(password, account.map(StaffUser::passwordHash).orElse(decoyHash));
    Optional<Role> role = account.flatMap(a -> Role.fromWire(a.role()));
    if (!matches || role.isEmpty()) {
      throttle.failed(address);
      account.ifPresent(
          a ->
              users.recordFailure(
                  a.username(), settings.maxFailedLogins(), now.plus(settings.lockout())));
      audited("LOGIN_FAILED", username, address);
      throw SignInRefused.badCredentials();
    }
    if (account.get().failedLogins() > 0 || account.get().lockedUntil() != null) {
      users.recordSuccess(username, now);
    }
    StaffPrincipal principal = new StaffPrincipal(username, role.get());
    return UsernamePasswordAuthenticationToken.authenticated(
        principal, null, List.of(new SimpleGrantedAuthority(role.get().authority())));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private void audited(String action, String username, String address) {
    // the typed name is attacker-controlled: cut it and strip control characters
    String name = username.replaceAll("\\p{Cntrl}", "?");
    name = name.length() > 64 ? name.substring(0, 64) : name;
    audit.recordLater("staff:" + name, action, "AUTHENTICATION", "", "from " + address);
  }
}
