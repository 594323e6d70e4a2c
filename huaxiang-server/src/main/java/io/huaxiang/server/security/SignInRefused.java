package io.huaxiang.server.security;

import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/** A refused sign-in, with the HTTP status, a stable reason and messages in both languages. */
public final class SignInRefused extends AuthenticationException {
  private final HttpStatus status;
  private final String reason;
  private final String messageZh;
  private final Duration retryAfter;

  private SignInRefused(
      HttpStatus status, String reason, String message, String messageZh, Duration retryAfter) {
    super(message);
    this.status = status;
    this.reason = reason;
    this.messageZh = messageZh;
    this.retryAfter = retryAfter;
  }

  /** Wrong name or password; which of the two is not said. */
  static SignInRefused badCredentials() {
    return new SignInRefused(
        HttpStatus.UNAUTHORIZED,
        "BAD_CREDENTIALS",
        "wrong username or password",
        "用户名或密码错误",
        Duration.ZERO);
  }

  static SignInRefused locked() {
    return new SignInRefused(
        HttpStatus.LOCKED,
        "ACCOUNT_LOCKED",
        "this account is locked after too many wrong passwords, or by an administrator;"
            + " try again later or ask an administrator",
        "账户因多次密码错误或被管理员锁定,请稍后再试或联系管理员",
        Duration.ZERO);
  }

  static SignInRefused throttled(Duration wait) {
    long seconds = Math.max(1, wait.toSeconds() + 1);
    return new SignInRefused(
        HttpStatus.TOO_MANY_REQUESTS,
        "TOO_MANY_ATTEMPTS",
        "too many failed sign-ins from this address; wait " + seconds + " s",
        "该地址登录失败次数过多,请 " + seconds + " 秒后再试",
        Duration.ofSeconds(seconds));
  }

  public HttpStatus status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public String messageZh() {
    return messageZh;
  }

  /** How long to wait before trying again; zero when not throttled. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
