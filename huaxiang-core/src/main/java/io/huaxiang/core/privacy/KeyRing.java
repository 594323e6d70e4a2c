package io.huaxiang.core.privacy;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that {@link FieldCipher} may use, by key id, with exactly one active key for new
 * encryptions; older keys stay for decrypting until every value has been rotated.
 *
 * <p>Key material comes from outside the database (a keyring file or an environment variable filled
 * from a KMS or secret store), in the spec form {@code active=k2;k1=<base64>;k2=<base64>} read by
 * {@link #parse(String)}. {@link #toString()} never shows key bytes.
 */
public final class KeyRing {

  /** Key length for AES-256, in bytes. */
  public static final int KEY_BYTES = 32;

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final Map<String, SecretKey> keys;
  private final String activeKeyId;

  private KeyRing(Map<String, SecretKey> keys, String activeKeyId) {
    this.keys = keys;
    this.activeKeyId = activeKeyId;
  }

  /**
   * A key ring from raw key bytes by id.
   *
   * @throws IllegalArgumentException if a key id is malformed, a key is not 32 bytes, or the active
   *     id has no key
   */
  public static KeyRing of(String activeKeyId, Map<String, byte[]> rawKeys) {
    Objects.requireNonNull(activeKeyId, "activeKeyId");
    Objects.requireNonNull(rawKeys, "rawKeys");
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    rawKeys.forEach(
        (id, bytes) -> {
          requireKeyId(id);
          if (bytes == null || bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                "key '"
                    + id
                    + "' must be "
                    + KEY_BYTES
                    + " bytes for AES-256, got "
                    + (bytes == null ? "none" : bytes.length));
          }
          keys.put(id, new SecretKeySpec(bytes.clone(), "AES"));
        });
    if (!keys.containsKey(activeKeyId)) {
      throw new IllegalArgumentException(
          "active key '" + activeKeyId + "' is not in the key ring " + keys.keySet());
    }
    return new KeyRing(Collections.unmodifiableMap(keys), activeKeyId);
  }

  /**
   * Parses {@code active=<id>;<id>=<base64 of 32 bytes>;...}; whitespace and newlines around
   * entries are ignored, so the same text works as a file or an environment variable.
   */
  public static KeyRing parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    String active = null;
    Map<String, byte[]> raw = new LinkedHashMap<>();
    for (String part : spec.split("[;\\n]")) {
      String entry = part.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "key ring entry must look like id=<base64>, got an entry without '='");
      }
      String name = entry.substring(0, eq).strip();
      String value = entry.substring(eq + 1).strip();
      if (name.equals("active")) {
        active = value;
      } else if (raw.put(name, decode(name, value)) != null) {
        throw new IllegalArgumentException("key '" + name + "' appears twice in the key ring");
      }
    }
    if (active == null) {
      throw new IllegalArgumentException("key ring has no 'active=<id>' entry");
    }
    return of(active, raw);
  }

  /** The id of the key used for new encryptions. */
  public String activeKeyId() {
    return activeKeyId;
  }

  /** All key ids, in the order given. */
  public Set<String> keyIds() {
    return keys.keySet();
  }

  /** Whether the ring holds a key with this id. */
  public boolean contains(String keyId) {
    return keys.containsKey(keyId);
  }

  SecretKey active() {
    return keys.get(activeKeyId);
  }

  SecretKey key(String keyId) {
    return keys.get(keyId);
  }

  static void requireKeyId(String id) {
    if (id == null || !KEY_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "key id must be 1-32 characters of A-Z a-z 0-9 _ -, got '" + id + "'");
    }
  }

  private static byte[] decode(String id, String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("key '" + id + "' is not valid base64", e);
    }
  }

  /** Shows the key ids and the active one, never key material. */
  @Override
  public String toString() {
    return "KeyRing[active=" + activeKeyId + ", keys=" + keys.keySet() + "]";
  }
}
