package io.huaxiang.core.privacy;

/**
 * The check-digit algorithms of Chinese identifiers, shared by identifier parsing ({@code
 * io.huaxiang.core.identity}) and log redaction.
 */
public final class CheckDigits {

  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private CheckDigits() {}

  /**
   * The ISO 7064 MOD 11-2 check character (GB 11643-1999) for the first 17 digits of a resident ID
   * number: {@code '0'}–{@code '9'} or {@code 'X'}.
   *
   * @throws IllegalArgumentException if {@code first17} is not exactly 17 ASCII digits
   */
  public static char residentIdCheck(CharSequence first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("expected 17 digits, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = first17.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("expected digits only, got '" + c + "' at " + i);
      }
      sum += (c - '0') * ID_WEIGHTS[i];
    }
    return ID_CHECK[sum % 11];
  }

  /** Whether an 18-character resident ID number's last character matches its check character. */
  public static boolean residentIdValid(CharSequence id) {
    if (id.length() != 18) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    char last = Character.toUpperCase(id.charAt(17));
    return residentIdCheck(id.subSequence(0, 17)) == last;
  }

  /**
   * Whether a string of ASCII digits passes the Luhn (mod 10) check used by bank card numbers.
   * Returns {@code false} for an empty string or any non-digit.
   */
  public static boolean luhnValid(CharSequence digits) {
    int n = digits.length();
    if (n == 0) {
      return false;
    }
    int sum = 0;
    boolean doubleIt = false;
    for (int i = n - 1; i >= 0; i--) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      int d = c - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }

  /** The Luhn check digit to append to {@code payload} (ASCII digits) to make it valid. */
  public static char luhnCheckDigit(CharSequence payload) {
    for (char d = '0'; d <= '9'; d++) {
      if (luhnValid(payload.toString() + d)) {
        return d;
      }
    }
    throw new IllegalArgumentException("payload must be ASCII digits");
  }
}
