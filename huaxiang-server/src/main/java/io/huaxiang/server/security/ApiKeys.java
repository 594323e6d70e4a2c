package io.huaxiang.server.security;

import io.huaxiang.store.ApiKey;
import io.huaxiang.store.ApiKeyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Creates and checks machine clients' API keys. A key is {@code hx_} plus 43 characters of
 * base64url (256 random bits); only its SHA-256 is stored. A password needs a slow hash because
 * people choose guessable ones; a 256-bit random key cannot be guessed, so a fast hash protects it
 * as well and keeps every API request cheap.
 */
public final class ApiKeys {
  /** Every key starts with this, so secret scanners and people recognise it. */
  public static final String PREFIX = "hx_";

  private static final int MAX_CACHED = 10_000;

  private final ApiKeyStore store;
  private final Clock clock;
  private final Duration cacheFor;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Optional<ClientPrincipal> client, Instant until) {}

  /** A key just created: the only moment the clear key exists. */
  public record Created(ApiKey key, String secret) {}

  public ApiKeys(ApiKeyStore store, Clock clock, Duration cacheFor) {
    this.store = store;
    this.clock = clock;
    this.cacheFor = cacheFor;
  }

  /**
   * Creates a key for a client.
   *
   * @throws IllegalArgumentException if the name is taken or malformed, or there are no scopes
   */
  public Created create(String name, Set<Scope> scopes, String by) {
    if (name == null || !name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException(
          "a key name is 1-64 characters of a-z, 0-9, '.', '_' and '-' / 密钥名称须为小写字母、数字、.、_ 或 -");
    }
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("a key needs at least one scope / 密钥至少需要一个权限范围");
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Set<String> wire = scopes.stream().map(Scope::wire).collect(Collectors.toSet());
    Instant now = clock.instant();
    if (!store.create(name, secret.substring(0, 10), hash(secret), wire, by, now)) {
      throw new IllegalArgumentException("an API key named '" + name + "' exists / 同名密钥已存在");
    }
    return new Created(new ApiKey(name, secret.substring(0, 10), wire, by, now, null), secret);
  }

  /** The client a presented key belongs to; empty for an unknown, malformed or revoked key. */
  public Optional<ClientPrincipal> check(String presented) {
    if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
      return Optional.empty();
    }
    String hash = hash(presented);
    Instant now = clock.instant();
    Cached hit = cache.get(hash);
    if (hit != null && hit.until().isAfter(now)) {
      return hit.client();
    }
    Optional<ClientPrincipal> client =
        store
            .findActive(hash)
            .map(
                k ->
                    new ClientPrincipal(
                        k.name(),
                        k.scopes().stream()
                            .map(Scope::fromWire)
                            .flatMap(Optional::stream)
                            .collect(Collectors.toSet())));
    if (cache.size() > MAX_CACHED) {
      cache.clear(); // unknown keys flooding in must not grow the cache without bound
    }
    cache.put(hash, new Cached(client, now.plus(cacheFor)));
    return client;
  }

  /** Revokes a key; this process forgets it at once, others within the cache time. */
  public boolean revoke(String name) {
    boolean revoked = store.revoke(name, clock.instant());
    cache.clear();
    return revoked;
  }

  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
