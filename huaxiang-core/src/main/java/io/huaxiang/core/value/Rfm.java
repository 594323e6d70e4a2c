package io.huaxiang.core.value;

/**
 * RFM scores of a borrower, each 1 (low) to 5 (high), on borrowing and repayment.
 *
 * @param recency from the days since the latest application or repayment, whichever is nearer
 * @param frequency from loans disbursed plus repayments made, lifetime
 * @param monetary from the principal disbursed, lifetime (CNY)
 */
public record Rfm(int recency, int frequency, int monetary) {
  public Rfm {
    check(recency);
    check(frequency);
    check(monetary);
  }

  /** The sum of the three scores, 3 to 15: a single value figure for ranking. */
  public int total() {
    return recency + frequency + monetary;
  }

  private static void check(int score) {
    if (score < 1 || score > 5) {
      throw new IllegalArgumentException("an RFM score is 1 to 5, got " + score);
    }
  }
}
