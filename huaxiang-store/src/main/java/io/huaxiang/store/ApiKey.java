package io.huaxiang.store;

import java.time.Instant;
import java.util.Set;

/**
 * A machine client's API key, as stored: its name, the first characters of the key (to tell keys
 * apart in lists), its scopes; the key itself is never stored, only its hash.
 *
 * @param scopes what the client may do, e.g. {@code ingest}, {@code decide}
 * @param revokedAt when it was revoked; null while usable
 */
public record ApiKey(
    String name,
    String prefix,
    Set<String> scopes,
    String createdBy,
    Instant createdAt,
    Instant revokedAt) {

  public ApiKey {
    scopes = Set.copyOf(scopes);
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}
