package io.huaxiang.core.identity;

import io.huaxiang.core.privacy.Masking;

/**
 * A mainland China mobile number: 11 digits starting {@code 13}–{@code 19}.
 *
 * <p>{@link #parse} accepts a {@code +86}, {@code 0086} or {@code 86} prefix and spaces or hyphens
 * between digit groups; {@link #value()} is the bare 11 digits. {@link #toString()} is masked.
 */
public final class PhoneNumber {

  private final String value;

  private PhoneNumber(String value) {
    this.value = value;
  }

  /**
   * Parses and validates a mobile number.
   *
   * @throws InvalidIdentifierException with reason {@code PHONE_MISSING}, {@code PHONE_FORMAT} or
   *     {@code PHONE_PREFIX}
   */
  public static PhoneNumber parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidIdentifierException(IdentifierReason.PHONE_MISSING, null);
    }
    String v = text.strip().replaceAll("[ -]", "");
    if (v.startsWith("+86")) {
      v = v.substring(3);
    } else if (v.startsWith("0086")) {
      v = v.substring(4);
    } else if (v.length() == 13 && v.startsWith("86")) {
      v = v.substring(2);
    }
    if (!v.matches("\\d{11}")) {
      throw new InvalidIdentifierException(
          IdentifierReason.PHONE_FORMAT, "got " + v.length() + " characters after the prefix");
    }
    if (v.charAt(0) != '1' || v.charAt(1) < '3') {
      throw new InvalidIdentifierException(
          IdentifierReason.PHONE_PREFIX, "starts with " + v.substring(0, 2));
    }
    return new PhoneNumber(v);
  }

  /** Whether {@code text} parses. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidIdentifierException e) {
      return false;
    }
  }

  /** The bare 11 digits. */
  public String value() {
    return value;
  }

  /** The masked form, {@code 138****5678}. */
  public String masked() {
    return Masking.phone(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PhoneNumber other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Masked, never the clear number. */
  @Override
  public String toString() {
    return masked();
  }
}
