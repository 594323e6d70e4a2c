package io.huaxiang.store;

import java.time.Instant;

/**
 * A staff account: who signs in to the console or the API, with one role.
 *
 * @param username the sign-in name, also the audit actor ({@code staff:<username>})
 * @param role one of admin, risk_analyst, risk_ops, marketing, compliance, auditor
 * @param passwordHash the password hash in Spring Security's {@code {id}hash} form; never a clear
 *     password
 * @param failedLogins wrong passwords since the last successful sign-in
 * @param lockedUntil signed-in refused until then after too many wrong passwords; null if not
 * @param disabled locked by an administrator until unlocked
 */
public record StaffUser(
    String username,
    String role,
    String passwordHash,
    int failedLogins,
    Instant lockedUntil,
    boolean disabled,
    Instant createdAt,
    Instant lastLoginAt) {

  /** Whether sign-in is refused at {@code now}, whatever the password. */
  public boolean lockedAt(Instant now) {
    return disabled || (lockedUntil != null && lockedUntil.isAfter(now));
  }

  @Override
  public String toString() {
    // the hash is authentication data: keep it out of logs and error messages
    return "StaffUser[" + username + ", " + role + (disabled ? ", disabled" : "") + "]";
  }
}
