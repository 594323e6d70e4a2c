package io.huaxiang.server.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings ({@code huaxiang.security.*}).
 *
 * @param demoUsers create (or reset) one account per role at start: {@code serve --demo}
 * @param demoPassword the demo accounts' password; empty: a fresh random one, printed at start
 * @param adminUser the first administrator's name, created at start if no administrator exists
 * @param adminPassword the first administrator's password ({@code HUAXIANG_ADMIN_PASSWORD}); empty:
 *     no bootstrap, and a start without any administrator fails
 * @param bcryptStrength BCrypt cost of new password hashes (each step doubles the work)
 * @param maxFailedLogins wrong passwords in a row that lock an account
 * @param lockout how long such a lock lasts (an administrator can unlock earlier)
 * @param ipFailuresPerMinute failed sign-ins from one address per minute before it must wait
 * @param apiKeyCache how long a checked API key is trusted without asking the database again (also
 *     the longest a revocation from another process takes to apply)
 */
@ConfigurationProperties(prefix = "huaxiang.security")
public record SecuritySettings(
    boolean demoUsers,
    String demoPassword,
    String adminUser,
    String adminPassword,
    int bcryptStrength,
    int maxFailedLogins,
    Duration lockout,
    int ipFailuresPerMinute,
    Duration apiKeyCache) {

  public SecuritySettings {
    adminUser = adminUser == null || adminUser.isBlank() ? "admin" : adminUser;
    bcryptStrength = bcryptStrength <= 0 ? 12 : bcryptStrength;
    maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
    lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    ipFailuresPerMinute = ipFailuresPerMinute <= 0 ? 20 : ipFailuresPerMinute;
    apiKeyCache = apiKeyCache == null ? Duration.ofSeconds(10) : apiKeyCache;
  }
}
