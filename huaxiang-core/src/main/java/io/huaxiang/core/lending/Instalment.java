package io.huaxiang.core.lending;

import java.util.Objects;

/**
 * One scheduled payment: the parts of it and the principal still owed after it.
 *
 * @param number 1-based period number (month)
 * @param principal principal repaid
 * @param interest interest charged for the period
 * @param fee fees charged for the period (service, management or guarantee fees)
 * @param remainingPrincipal principal owed after this payment
 */
public record Instalment(
    int number, Money principal, Money interest, Money fee, Money remainingPrincipal) {

  public Instalment {
    if (number < 1) {
      throw new IllegalArgumentException("instalment number starts at 1, got " + number);
    }
    Objects.requireNonNull(principal, "principal").requireNonNegative("principal");
    Objects.requireNonNull(interest, "interest").requireNonNegative("interest");
    Objects.requireNonNull(fee, "fee").requireNonNegative("fee");
    Objects.requireNonNull(remainingPrincipal, "remainingPrincipal")
        .requireNonNegative("remainingPrincipal");
  }

  /** What the borrower pays in this period. */
  public Money total() {
    return principal.plus(interest).plus(fee);
  }

  Instalment withFee(Money extraFee) {
    return new Instalment(number, principal, interest, fee.plus(extraFee), remainingPrincipal);
  }
}
