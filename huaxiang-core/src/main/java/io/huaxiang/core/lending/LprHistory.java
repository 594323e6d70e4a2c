package io.huaxiang.core.lending;

/**
 * The one-year Loan Prime Rate (贷款市场报价利率, 1Y LPR) as published by the National Interbank Funding
 * Center on behalf of the PBoC since the reform of 20 August 2019; only the dates on which it
 * changed are listed.
 *
 * <p>The last entry here is 20 May 2025 (3.00 %). The LPR is published on the 20th of each month:
 * load newer entries from configuration with {@link RateTable#parse} or {@link RateTable#with}
 * rather than trusting this list to be current.
 */
public final class LprHistory {

  private static final String ONE_YEAR =
      """
      2019-08-20,4.25
      2019-09-20,4.20
      2019-11-20,4.15
      2020-02-20,4.05
      2020-04-20,3.85
      2021-12-20,3.80
      2022-01-20,3.70
      2022-08-22,3.65
      2023-06-20,3.55
      2023-08-21,3.45
      2024-07-22,3.35
      2024-10-21,3.10
      2025-05-20,3.00
      """;

  private LprHistory() {}

  /** The one-year LPR changes from 20 August 2019 to 20 May 2025. */
  public static RateTable oneYear() {
    return RateTable.parse("1Y LPR", ONE_YEAR);
  }
}
