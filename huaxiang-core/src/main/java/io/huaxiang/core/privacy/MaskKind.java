package io.huaxiang.core.privacy;

/** Which masking rule applies to a value; see {@link Masking}. */
public enum MaskKind {
  /** Resident ID number: first and last character kept, {@code 1****************2}. */
  ID_NUMBER,
  /** Mainland mobile number: first 3 and last 4 digits kept, {@code 138****5678}. */
  PHONE,
  /** Bank card number: first 6 (the BIN) and last 4 digits kept. */
  BANK_CARD,
  /** Personal name: surname kept, given name masked, {@code 张*}, {@code 欧阳**}. */
  NAME,
  /** Anything else: first and last character kept when the value is long enough. */
  GENERIC,
  /** Secrets (C3): nothing kept, a fixed {@code ******} so even the length is hidden. */
  SECRET
}
