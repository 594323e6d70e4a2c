package io.huaxiang.model.selection;

/**
 * One entry of the selection log.
 *
 * @param feature the feature concerned
 * @param included whether the feature is in the model after this step
 * @param reason the rule that decided
 * @param detail the figures behind it, e.g. "IV 0.012 < 0.020"
 */
public record SelectionStep(
    String feature, boolean included, SelectionReason reason, String detail) {

  @Override
  public String toString() {
    return String.format("%-3s %-40s %-12s %s", included ? "IN" : "OUT", feature, reason, detail);
  }
}
