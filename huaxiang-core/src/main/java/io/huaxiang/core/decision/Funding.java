package io.huaxiang.core.decision;

import java.time.LocalDate;

/**
 * The answer of the funding budget and the borrower's credit-line ledger to an approval, recorded
 * with the decision so replay gives the same outcome.
 *
 * @param status what happened
 * @param nextAvailable for {@link Status#BUDGET_EXHAUSTED} and {@link Status#DEMAND_THROTTLED}: the
 *     first day with budget again
 */
public record Funding(Status status, LocalDate nextAvailable) {

  /** The funding outcome of an approval. */
  public enum Status {
    /** The decision did not approve: nothing to fund. */
    NOT_NEEDED,
    /** The amount was reserved from today's budget and the borrower's line. */
    GRANTED,
    /** Today's budget (or its share for this risk band) is used up. */
    BUDGET_EXHAUSTED,
    /** Another approval took the borrower's remaining room under the per-borrower cap. */
    BORROWER_CAP_REACHED,
    /**
     * Demand outruns what is left of today's budget and this risk band is not a priority one: the
     * budget is kept for the better bands (nothing was reserved).
     */
    DEMAND_THROTTLED
  }

  public static Funding notNeeded() {
    return new Funding(Status.NOT_NEEDED, null);
  }

  public static Funding granted() {
    return new Funding(Status.GRANTED, null);
  }

  public static Funding exhausted(LocalDate next) {
    return new Funding(Status.BUDGET_EXHAUSTED, next);
  }

  public static Funding demandThrottled(LocalDate next) {
    return new Funding(Status.DEMAND_THROTTLED, next);
  }

  public static Funding borrowerCapReached() {
    return new Funding(Status.BORROWER_CAP_REACHED, null);
  }
}
