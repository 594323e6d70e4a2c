package io.huaxiang.store;

import io.huaxiang.core.privacy.AssociatedData;
import io.huaxiang.core.privacy.FieldCipher;
import io.huaxiang.core.privacy.FieldCipherException;
import io.huaxiang.core.privacy.KeyRing;
import io.huaxiang.core.privacy.LookupHash;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The keys the store encrypts identifiers with (AES-256-GCM, {@link FieldCipher}) and the keyed
 * hash it replaces them with where they are only compared ({@link LookupHash}).
 *
 * <p>The field key ring can be reloaded: when a value names a key this process does not know yet
 * (another process, e.g. {@code huaxiang keys rotate}, added it), the ring is read again from its
 * source once before the read fails. The lookup key is fixed for the life of the data: changing it
 * means recomputing every pseudonym.
 */
public final class FieldProtection {
  /** Lookup hashes are cut to 128 bits: collisions stay negligible and payloads stay short. */
  private static final int LOOKUP_HEX_CHARS = 32;

  /** Prefix of a pseudonym in the event payload, so it is never mistaken for a clear value. */
  public static final String PSEUDONYM_PREFIX = "lk:";

  private final Supplier<KeyRing> source;
  private final LookupHash lookup;
  private final SecureRandom random = drbg();
  private final javax.crypto.spec.SecretKeySpec lookupKey;
  private final ThreadLocal<javax.crypto.Mac> mac;

  /** Device ids and IPs repeat in almost every event of a user: their pseudonyms are cached. */
  private final ThreadLocal<java.util.Map<String, String>> recent =
      ThreadLocal.withInitial(() -> new java.util.HashMap<>(8_192));

  private volatile FieldCipher cipher;
  private volatile String activeKeyId;

  /**
   * @param source reads the current field key ring (from a file, the environment ...); called now
   *     and whenever a value names an unknown key
   * @param lookupKey the HMAC key for lookup hashes, at least 32 bytes
   */
  public FieldProtection(Supplier<KeyRing> source, byte[] lookupKey) {
    this.source = Objects.requireNonNull(source, "source");
    this.lookup = new LookupHash(lookupKey);
    this.lookupKey = new javax.crypto.spec.SecretKeySpec(lookupKey.clone(), "HmacSHA256");
    this.mac =
        ThreadLocal.withInitial(
            () -> {
              try {
                javax.crypto.Mac m = javax.crypto.Mac.getInstance("HmacSHA256");
                m.init(this.lookupKey);
                return m;
              } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
              }
            });
    reload();
  }

  /** A fixed key ring, for tests and tools. */
  public static FieldProtection of(KeyRing keys, byte[] lookupKey) {
    return new FieldProtection(() -> keys, lookupKey);
  }

  /** Reads the key ring again from its source (e.g. after a rotation added a key). */
  public synchronized void reload() {
    KeyRing keys = source.get();
    this.cipher = new FieldCipher(keys, random);
    this.activeKeyId = keys.activeKeyId();
  }

  public String activeKeyId() {
    return activeKeyId;
  }

  public String encrypt(String clear, AssociatedData ad) {
    return cipher.encrypt(clear, ad);
  }

  public String decrypt(String sealed, AssociatedData ad) {
    try {
      return cipher.decrypt(sealed, ad);
    } catch (FieldCipherException e) {
      if (e.reason() != FieldCipherException.Reason.UNKNOWN_KEY) {
        throw e;
      }
      reload();
      return cipher.decrypt(sealed, ad);
    }
  }

  /** Re-encrypts under the active key (authenticating the old value even when already current). */
  public String rotate(String sealed, AssociatedData ad) {
    return cipher.rotate(sealed, ad);
  }

  /** The pseudonym of a normalised value within a domain ({@code phone}, {@code device} ...). */
  public String pseudonym(String domain, String normalised) {
    java.util.Map<String, String> cache = recent.get();
    String key = domain + '\u0000' + normalised;
    String known = cache.get(key);
    if (known != null) {
      return known;
    }
    if (cache.size() >= 8_192) {
      cache.clear();
    }
    String made = PSEUDONYM_PREFIX + hash(domain, normalised).substring(0, LOOKUP_HEX_CHARS);
    cache.put(key, made);
    return made;
  }

  /** {@link LookupHash#hash} with a MAC per thread instead of one per call (same bytes). */
  private String hash(String domain, String normalised) {
    javax.crypto.Mac m = mac.get();
    byte[] d = domain.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    m.update((d.length + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    m.update(d);
    return java.util.HexFormat.of()
        .formatHex(m.doFinal(normalised.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** The lookup hash as {@link LookupHash} computes it, for tests of the fast path. */
  String slowPseudonym(String domain, String normalised) {
    return PSEUDONYM_PREFIX + lookup.hash(domain, normalised).substring(0, LOOKUP_HEX_CHARS);
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG"); // in-memory, seeded by the OS: no read per nonce
    } catch (java.security.NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  @Override
  public String toString() {
    return "FieldProtection[active=" + activeKeyId + "]";
  }
}
