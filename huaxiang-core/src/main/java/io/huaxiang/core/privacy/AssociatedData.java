package io.huaxiang.core.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What an encrypted field belongs to: the column and the row owner (e.g. the user id). It is
 * authenticated but not encrypted, so a ciphertext copied to another column or another user's row
 * fails to decrypt.
 *
 * @param column the qualified column, e.g. {@code "users.id_number"}
 * @param owner the row's stable owner key, e.g. the user id
 */
public record AssociatedData(String column, String owner) {

  public AssociatedData {
    requireText(column, "column");
    requireText(owner, "owner");
  }

  public static AssociatedData of(String column, String owner) {
    return new AssociatedData(column, owner);
  }

  /** Length-prefixed UTF-8 encoding, so ("a|b", "c") and ("a", "b|c") never collide. */
  byte[] encode(String version, String keyId) {
    StringBuilder sb = new StringBuilder();
    for (String part : new String[] {version, keyId, column, owner}) {
      sb.append(part.getBytes(StandardCharsets.UTF_8).length).append(':').append(part);
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
