package io.huaxiang.model.scorecard;

/**
 * Turns log-odds into scorecard points: {@code points = offset + factor * ln(goodOdds)}, with
 * {@code factor = pdo / ln 2} and {@code offset = baseScore - factor * ln(baseOdds)}.
 *
 * <p>Higher points mean lower risk. At good:bad odds of {@code baseOdds} the score is {@code
 * baseScore}; every {@code pdo} points the odds double.
 *
 * @param baseScore points at the base odds
 * @param baseOdds good:bad odds at the base score (50 means 50 goods per bad, PD about 2 %)
 * @param pdo points to double the odds
 */
public record Scaling(double baseScore, double baseOdds, double pdo) {

  public Scaling {
    if (!(pdo > 0) || !(baseOdds > 0)) {
      throw new IllegalArgumentException("PDO and base odds must be positive");
    }
  }

  /** 600 points at good:bad odds of 50:1, 20 points to double the odds. */
  public static Scaling defaults() {
    return new Scaling(600, 50, 20);
  }

  public double factor() {
    return pdo / Math.log(2);
  }

  public double offset() {
    return baseScore - factor() * Math.log(baseOdds);
  }

  /** Points for a log-odds of the event (bad): {@code offset - factor * logOddsBad}. */
  public double points(double logOddsBad) {
    return offset() - factor() * logOddsBad;
  }

  /** Probability of the event implied by a score. */
  public double pd(double points) {
    return 1 / (1 + Math.exp((points - offset()) / factor()));
  }
}
