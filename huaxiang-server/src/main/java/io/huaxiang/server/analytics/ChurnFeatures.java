package io.huaxiang.server.analytics;

import io.huaxiang.core.profile.FeatureValues;
import java.util.List;

/**
 * The portrait features the churn model reads at a cut-off, and how a missing value is filled:
 * "days since" features with a year (never happened is long ago), everything else with 0 (no such
 * activity). Amounts and counts enter as ln(1 + x).
 */
final class ChurnFeatures {
  record Input(String name, boolean log, double missing) {}

  static final String RECENCY = "days_since_last_activity";

  static final List<Input> INPUTS =
      List.of(
          new Input(RECENCY, false, 365),
          new Input("active_days_7d", false, 0),
          new Input("active_days_30d", false, 0),
          new Input("active_days_90d", false, 0),
          new Input("activity_count_30d", true, 0),
          new Input("activity_count_90d", true, 0),
          new Input("account_age_days", false, 0),
          new Input("weekend_activity_share_30d", false, 0),
          new Input("applications_count_90d", true, 0),
          new Input("loans_outstanding_count", false, 0),
          new Input("outstanding_balance", true, 0),
          new Input("repayments_count_90d", true, 0),
          new Input("days_since_last_repayment", false, 365),
          new Input("days_since_last_application", false, 365),
          new Input("consumption_count_30d", true, 0),
          new Input("consumption_count_90d", true, 0),
          new Input("current_dpd", true, 0));

  private ChurnFeatures() {}

  static double[] row(FeatureValues f) {
    double[] row = new double[INPUTS.size()];
    for (int j = 0; j < row.length; j++) {
      Input in = INPUTS.get(j);
      double v = f.number(in.name());
      v = Double.isNaN(v) ? in.missing() : v;
      row[j] = in.log() ? Math.log1p(Math.max(0, v)) : v;
    }
    return row;
  }
}
