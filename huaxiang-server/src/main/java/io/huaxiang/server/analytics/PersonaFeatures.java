package io.huaxiang.server.analytics;

import io.huaxiang.core.profile.FeatureValues;
import java.util.List;

/**
 * The twelve portrait features personas are clustered on, and how each is transformed before
 * standardising: counts and amounts are heavy-tailed, so they enter as {@code ln(1 + x)}.
 */
final class PersonaFeatures {
  /** A feature and whether it is log-transformed. */
  record Input(String name, boolean log) {}

  static final List<Input> INPUTS =
      List.of(
          new Input("age", false),
          new Input("account_age_days", false),
          new Input("active_days_30d", false),
          new Input("activity_count_30d", true),
          new Input("night_activity_share_30d", false),
          new Input("applications_count_lifetime", true),
          new Input("application_amount_avg_lifetime", true),
          new Input("loans_disbursed_count_lifetime", true),
          new Input("outstanding_balance", true),
          new Input("on_time_repayment_ratio_lifetime", false),
          new Input("max_dpd_lifetime", true),
          new Input("consumption_amount_90d", true));

  private PersonaFeatures() {}

  /** The transformed (not yet standardised) row; NaN where the portrait has no value. */
  static double[] raw(FeatureValues f) {
    double[] row = new double[INPUTS.size()];
    for (int j = 0; j < row.length; j++) {
      Input in = INPUTS.get(j);
      double v = f.number(in.name());
      row[j] = Double.isNaN(v) ? Double.NaN : in.log() ? Math.log1p(Math.max(0, v)) : v;
    }
    return row;
  }
}
