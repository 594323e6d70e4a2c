package io.huaxiang.core.identity;

import io.huaxiang.core.privacy.CheckDigits;
import io.huaxiang.core.privacy.Masking;

/**
 * A bank card number (PAN): 13–19 digits passing the Luhn check.
 *
 * <p>{@link #parse} accepts spaces and hyphens between digit groups; {@link #value()} is the bare
 * digits. {@link #toString()} is masked to the first 6 and last 4 digits.
 */
public final class BankCardNumber {

  private final String value;

  private BankCardNumber(String value) {
    this.value = value;
  }

  /**
   * Parses and validates a card number.
   *
   * @throws InvalidIdentifierException with reason {@code CARD_MISSING}, {@code CARD_FORMAT},
   *     {@code CARD_LENGTH} or {@code CARD_LUHN}
   */
  public static BankCardNumber parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidIdentifierException(IdentifierReason.CARD_MISSING, null);
    }
    String v = text.strip().replaceAll("[ -]", "");
    if (!v.matches("\\d+")) {
      throw new InvalidIdentifierException(IdentifierReason.CARD_FORMAT, null);
    }
    if (v.length() < 13 || v.length() > 19) {
      throw new InvalidIdentifierException(
          IdentifierReason.CARD_LENGTH, "got " + v.length() + " digits");
    }
    if (!CheckDigits.luhnValid(v)) {
      throw new InvalidIdentifierException(IdentifierReason.CARD_LUHN, Masking.bankCard(v));
    }
    return new BankCardNumber(v);
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

  /** The bare digits. */
  public String value() {
    return value;
  }

  /** The issuer identification number: the first 6 digits. */
  public String bin() {
    return value.substring(0, 6);
  }

  public String lastFour() {
    return value.substring(value.length() - 4);
  }

  /** The masked form: first 6 and last 4 digits kept. */
  public String masked() {
    return Masking.bankCard(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BankCardNumber other && value.equals(other.value);
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
