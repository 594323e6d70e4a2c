package io.huaxiang.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed HMAC-SHA256 of a normalised identifier, stored next to its ciphertext so rows can be
 * found and joined by ID number or phone without decrypting, and without the unkeyed-hash weakness
 * (an 18-digit ID number has few enough possible values to brute-force a plain SHA-256).
 *
 * <p>Use a key separate from the {@link KeyRing}. The domain (e.g. {@code "id_number"}) is mixed in
 * so the same digits as phone and as card hash differently. Pass values already normalised by their
 * parser ({@code ResidentIdNumber.parse(..).value()}), or equal values will not match.
 */
public final class LookupHash {

  /** Minimum key length, in bytes. */
  public static final int MIN_KEY_BYTES = 32;

  private final SecretKeySpec key;

  /**
   * @throws IllegalArgumentException if the key is shorter than 32 bytes
   */
  public LookupHash(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "lookup hash key must be at least " + MIN_KEY_BYTES + " bytes, got " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** Lowercase hex HMAC-SHA256 (64 characters) of {@code domain} and {@code normalisedValue}. */
  public String hash(String domain, String normalisedValue) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(normalisedValue, "normalisedValue");
    if (domain.isBlank()) {
      throw new IllegalArgumentException("domain must not be blank");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] d = domain.getBytes(StandardCharsets.UTF_8);
      mac.update((d.length + ":").getBytes(StandardCharsets.UTF_8));
      mac.update(d);
      return HexFormat.of()
          .formatHex(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "LookupHash[HmacSHA256]";
  }
}
