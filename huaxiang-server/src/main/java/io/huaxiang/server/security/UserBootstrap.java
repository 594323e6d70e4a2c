package io.huaxiang.server.security;

import io.huaxiang.server.audit.AuditService;
import io.huaxiang.store.StaffUserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first accounts, before anyone can sign in: with {@code serve --demo}, one account per role
 * named after the role ({@code admin}, {@code risk_analyst}, ...) with one demo password, new and
 * random at each start unless {@code huaxiang.security.demo-password} fixes it; otherwise the first
 * administrator from {@code HUAXIANG_ADMIN_PASSWORD}. A server without an administrator refuses to
 * start: nobody could sign in to manage it.
 */
@Component
public class UserBootstrap implements ApplicationRunner {
  private static final String ACTOR = "system:bootstrap";

  private final StaffUserStore users;
  private final PasswordEncoder passwords;
  private final SecuritySettings settings;
  private final AuditService audit;
  private final Clock clock;
  private volatile String demoPassword;

  public UserBootstrap(
      StaffUserStore users,
      PasswordEncoder passwords,
      SecuritySettings settings,
      AuditService audit,
      Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (settings.demoUsers()) {
      String password =
          settings.demoPassword() == null || settings.demoPassword().isBlank()
              ? Passwords.random(new SecureRandom())
              : settings.demoPassword();
      // one hash for all: the accounts share the password anyway, and each hash costs ~0.25 s
      String hash = passwords.encode(password);
      for (Role role : Role.values()) {
        users.upsert(role.wire(), role.wire(), hash, clock.instant());
      }
      audit.record(ACTOR, "DEMO_USERS_RESET", "ADMINISTRATION", "", "one account per role");
      demoPassword = password;
    }
    String adminPassword = settings.adminPassword();
    if (adminPassword != null && !adminPassword.isBlank()) {
      Passwords.check(adminPassword);
      if (users.create(
          settings.adminUser(),
          Role.ADMIN.wire(),
          passwords.encode(adminPassword),
          clock.instant())) {
        audit.record(
            ACTOR, "USER_CREATED", "ADMINISTRATION", "staff:" + settings.adminUser(), "role=admin");
      }
    }
    if (!users.hasActiveAdmin()) {
      throw new IllegalStateException(
          "no administrator account / 尚无管理员账户: create one with"
              + " `huaxiang user add admin --role admin` (it asks for a password),"
              + " or set HUAXIANG_ADMIN_PASSWORD (and optionally HUAXIANG_ADMIN_USER) for the first"
              + " start, or try it out with `huaxiang serve --demo`");
    }
  }

  /** The demo accounts' password, when {@code --demo} created them. */
  public Optional<String> demoPassword() {
    return Optional.ofNullable(demoPassword);
  }
}
