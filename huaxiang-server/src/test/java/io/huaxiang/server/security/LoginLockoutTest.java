package io.huaxiang.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.server.Http;
import io.huaxiang.server.Http.Reply;
import io.huaxiang.store.StaffUserStore;
import io.huaxiang.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Guessing passwords: an account locks after a few wrong ones, an address must wait after more. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "huaxiang.security.max-failed-logins=3",
      "huaxiang.security.ip-failures-per-minute=8"
    })
class LoginLockoutTest {
  @LocalServerPort int port;
  @Autowired StaffUserStore users;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("huaxiang.db.url", TestDatabase::freshUrl);
  }

  @Test
  void anAccountLocksAfterThreeWrongPasswordsThenAnAddressIsThrottled() {
    Http anyone = Http.anonymous(port);
    for (int i = 0; i < 3; i++) {
      assertThat(login(anyone, "risk_ops", "wrong-password-" + i).status()).isEqualTo(401);
    }
    Reply locked = login(anyone, "risk_ops", Http.PASSWORD);
    assertThat(locked.status()).as("locked: even the right password is refused").isEqualTo(423);
    assertThat(locked.body().get("reason").asText()).isEqualTo("ACCOUNT_LOCKED");
    assertThat(users.find("risk_ops").orElseThrow().lockedUntil()).isNotNull();

    // an administrator unlocks (huaxiang user unlock risk_ops)
    assertThat(users.setDisabled("risk_ops", false)).isTrue();
    assertThat(login(anyone, "risk_ops", Http.PASSWORD).status()).isEqualTo(200);

    // then guessing across accounts from one address: at most 8 failures a minute
    int refusedBeforeThrottle = 0;
    Reply r = null;
    for (int i = 0; i < 10; i++) {
      r = login(anyone, "nobody-" + i, "wrong-password");
      if (r.status() != 401) {
        break;
      }
      refusedBeforeThrottle++;
    }
    assertThat(r.status()).isEqualTo(429);
    assertThat(refusedBeforeThrottle).isBetween(1, 7);
    Reply throttled = login(anyone, "marketing", Http.PASSWORD);
    assertThat(throttled.status()).as("the right password must wait too").isEqualTo(429);
    assertThat(throttled.body().get("reason").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
    assertThat(throttled.body().get("detail_zh").asText()).contains("秒后再试");
  }

  @Test
  void anAccountLockedByAnAdministratorCannotSignInUntilUnlocked() {
    assertThat(users.setDisabled("auditor", true)).isTrue();
    // Basic must not get around the lock either
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                ("auditor:" + Http.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Reply viaBasic = Http.anonymous(port).get("/api/v1/auth/me", "Authorization", "Basic " + basic);
    assertThat(viaBasic.status()).isEqualTo(423);
    users.setDisabled("auditor", false);
  }

  private static Reply login(Http http, String user, String password) {
    return http.post(
        "/api/v1/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
  }
}
