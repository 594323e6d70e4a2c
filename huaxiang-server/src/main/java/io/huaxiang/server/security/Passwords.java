package io.huaxiang.server.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing and the password rules, shared by the server and the CLI.
 *
 * <p>Why BCrypt: it is a deliberately slow, salted password hash that OWASP still lists as
 * acceptable, and it ships in spring-security-crypto with no extra dependency (Argon2id, the first
 * choice today, would need Bouncy Castle). Hashes are stored as {@code {bcrypt}$2a$12$...}, so the
 * algorithm and cost travel with each hash and a later switch (e.g. to Argon2id) can verify old
 * hashes while writing new ones.
 */
public final class Passwords {
  /** Shortest accepted password: length beats complexity rules (NIST SP 800-63B). */
  public static final int MIN_LENGTH = 12;

  /** BCrypt reads at most 72 bytes; a longer password would be silently cut, so refuse it. */
  public static final int MAX_BYTES = 72;

  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private Passwords() {}

  /** The encoder for new hashes at the given BCrypt cost; verifies any {@code {bcrypt}} hash. */
  public static PasswordEncoder encoder(int bcryptStrength) {
    return new DelegatingPasswordEncoder(
        "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(bcryptStrength)));
  }

  /**
   * Checks the password rules.
   *
   * @throws IllegalArgumentException naming the broken rule (never quoting the password)
   */
  public static void check(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "a password needs at least " + MIN_LENGTH + " characters / 密码至少 " + MIN_LENGTH + " 个字符");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "a password may have at most "
              + MAX_BYTES
              + " bytes (UTF-8) / 密码最长 "
              + MAX_BYTES
              + " 字节");
    }
    if (password.isBlank() || password.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a password may not hold control characters / 密码不能含控制字符");
    }
  }

  /** A random password of 16 letters and digits (about 92 bits), for demo accounts. */
  public static String random(SecureRandom random) {
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
