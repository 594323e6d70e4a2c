package io.huaxiang.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts single fields (C2 data such as ID numbers and phone numbers) with AES-256-GCM before
 * they are stored.
 *
 * <p>The stored text is {@code hx1:<keyId>:<base64url(nonce ‖ ciphertext ‖ tag)>}: the version and
 * key id say which key to decrypt with, the nonce is 96 random bits per encryption, and the 128-bit
 * tag also covers the version, the key id and the {@link AssociatedData} (column and owner), so a
 * value cannot be moved to another row or column, nor its header edited. Equal plaintexts give
 * different ciphertexts; use {@link LookupHash} to find rows by value.
 *
 * <p>Thread-safe: a new {@link Cipher} is made per call.
 */
public final class FieldCipher {

  /** Format version prefix of every ciphertext. */
  public static final String VERSION = "hx1";

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final KeyRing keys;
  private final SecureRandom random;

  /**
   * A cipher over {@code keys}, drawing nonces from {@code random} (pass a {@code new
   * SecureRandom()} or a DRBG instance; it is a parameter so nothing here reaches for global
   * state).
   */
  // Cipher.getInstance looks the provider up on every call; a cipher per thread, re-initialised
  // with a fresh nonce for each value, saves that on the ingestion path
  private static final ThreadLocal<Cipher> GCM =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES-GCM is not available in this JVM", e);
            }
          });

  public FieldCipher(KeyRing keys, SecureRandom random) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Encrypts {@code plaintext} under the active key, bound to {@code ad}. */
  public String encrypt(String plaintext, AssociatedData ad) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(ad, "ad");
    String keyId = keys.activeKeyId();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = GCM.get();
      cipher.init(Cipher.ENCRYPT_MODE, keys.active(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(ad.encode(VERSION, keyId));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return VERSION + ":" + keyId + ":" + B64.encodeToString(out);
    } catch (GeneralSecurityException e) {
      // AES/GCM is required of every JDK; reaching here means a broken runtime, not bad input.
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * Decrypts a value made by {@link #encrypt}, with the same associated data.
   *
   * @throws FieldCipherException if the text is malformed, its key is not in the ring, or it does
   *     not authenticate (altered, or from another row/column)
   */
  public String decrypt(String ciphertext, AssociatedData ad) {
    Objects.requireNonNull(ad, "ad");
    Parsed p = parse(ciphertext);
    SecretKey key = keys.key(p.keyId);
    if (key == null) {
      throw new FieldCipherException(
          FieldCipherException.Reason.UNKNOWN_KEY,
          "ciphertext for "
              + ad.column()
              + " was made with key '"
              + p.keyId
              + "', which is not in the key ring "
              + keys.keyIds()
              + "; load the old key until rotation has finished",
          null);
    }
    try {
      Cipher cipher = GCM.get();
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(p.body, 0, NONCE_BYTES)));
      cipher.updateAAD(ad.encode(VERSION, p.keyId));
      byte[] clear = cipher.doFinal(p.body, NONCE_BYTES, p.body.length - NONCE_BYTES);
      return new String(clear, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new FieldCipherException(
          FieldCipherException.Reason.NOT_AUTHENTIC,
          "ciphertext for "
              + ad.column()
              + " does not authenticate under key '"
              + p.keyId
              + "': it was altered, or it belongs to another row or column",
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * Re-encrypts a value under the active key: decrypt with the key it names, encrypt with the
   * active one. A value already under the active key is returned unchanged.
   */
  public String rotate(String ciphertext, AssociatedData ad) {
    if (!needsRotation(ciphertext)) {
      decrypt(ciphertext, ad); // still authenticate, so rotation never blesses a forged value
      return ciphertext;
    }
    return encrypt(decrypt(ciphertext, ad), ad);
  }

  /** Whether the value was encrypted with a key other than the active one. */
  public boolean needsRotation(String ciphertext) {
    return !keyIdOf(ciphertext).equals(keys.activeKeyId());
  }

  /** The key id a ciphertext names, without decrypting it. */
  public static String keyIdOf(String ciphertext) {
    return parse(ciphertext).keyId;
  }

  private record Parsed(String keyId, byte[] body) {}

  private static Parsed parse(String ciphertext) {
    if (ciphertext == null) {
      throw malformed("ciphertext is null");
    }
    String[] parts = ciphertext.split(":", -1);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw malformed("expected '" + VERSION + ":<keyId>:<base64url>'");
    }
    byte[] body;
    try {
      body = B64D.decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw malformed("body is not base64url");
    }
    if (body.length < NONCE_BYTES + TAG_BITS / 8) {
      throw malformed("body is too short to hold a nonce and a tag");
    }
    try {
      KeyRing.requireKeyId(parts[1]);
    } catch (IllegalArgumentException e) {
      throw malformed(e.getMessage());
    }
    return new Parsed(parts[1], body);
  }

  private static FieldCipherException malformed(String why) {
    return new FieldCipherException(
        FieldCipherException.Reason.MALFORMED, "not a field ciphertext: " + why, null);
  }
}
