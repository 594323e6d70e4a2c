package io.huaxiang.model.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies the training data of a model: the sha256 of the source file and its data row count.
 */
public record DataFingerprint(String sha256, int rows) {

  /** Returns the fingerprint of raw file bytes holding {@code rows} data rows. */
  public static DataFingerprint of(byte[] content, int rows) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return new DataFingerprint(HexFormat.of().formatHex(digest), rows);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime ships SHA-256", e);
    }
  }
}
