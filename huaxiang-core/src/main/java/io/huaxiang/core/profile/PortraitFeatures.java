package io.huaxiang.core.profile;

import io.huaxiang.core.event.BureauReportReceived;
import io.huaxiang.core.event.ConsentPurpose;
import io.huaxiang.core.event.RelationKind;
import io.huaxiang.core.event.UserRegistered;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Declares Huaxiang's portrait features, read top to bottom. Each entry names the feature, its
 * group, window, unit and bilingual label, and says how it is computed from a {@link ProfileView}.
 */
public final class PortraitFeatures {
  private static final Window[] SHORT_TO_LONG = {Window.D1, Window.D7, Window.D30, Window.D90};
  private static final FeatureCatalogue CATALOGUE = build();

  private PortraitFeatures() {}

  public static FeatureCatalogue catalogue() {
    return CATALOGUE;
  }

  private static FeatureCatalogue build() {
    Declarations d = new Declarations();
    demographics(d);
    activity(d);
    devices(d);
    funnel(d);
    applications(d);
    loansAndRepayment(d);
    consumption(d);
    bureau(d);
    relationsAndConsent(d);
    return new FeatureCatalogue(d.features);
  }

  private static void demographics(Declarations d) {
    d.group = "demographics";
    d.number(
        "age",
        "years",
        "年龄",
        "Age",
        "Age in whole years on the as-of day, from the declared birth date.",
        v ->
            reg(v) == null || reg(v).birthDate() == null
                ? Double.NaN
                : Period.between(reg(v).birthDate(), v.asOfDate()).getYears());
    d.text(
        "gender",
        "性别",
        "Gender",
        "Declared gender. Never used for pricing.",
        v -> reg(v) == null ? null : reg(v).gender().toString());
    d.text(
        "city",
        "城市",
        "City",
        "City declared at registration.",
        v -> reg(v) == null ? null : reg(v).city());
    d.number(
        "city_tier",
        "tier",
        "城市等级",
        "City tier",
        "Tier of the registration city, 1 (largest) to 5.",
        v -> reg(v) == null || reg(v).cityTier() == null ? Double.NaN : reg(v).cityTier());
    d.text(
        "education",
        "学历",
        "Education",
        "Declared education level.",
        v -> reg(v) == null ? null : reg(v).education().toString());
    d.text(
        "occupation",
        "职业",
        "Occupation",
        "Declared occupation.",
        v -> reg(v) == null ? null : reg(v).occupation());
    d.text(
        "income_band",
        "收入区间",
        "Income band",
        "Declared monthly income band (CNY).",
        v -> reg(v) == null ? null : reg(v).incomeBand().toString());
    d.text(
        "marital_status",
        "婚姻状况",
        "Marital status",
        "Declared marital status.",
        v -> reg(v) == null ? null : reg(v).maritalStatus().toString());
    d.text(
        "acquisition_channel",
        "获客渠道",
        "Acquisition channel",
        "Channel the user registered through.",
        v -> reg(v) == null ? null : reg(v).channel());
    d.number(
        "account_age_days",
        "days",
        "账龄",
        "Account age",
        "Days since registration.",
        v -> v.daysSince(v.state().funnel.get(FunnelStage.REGISTERED)));
  }

  private static void activity(Declarations d) {
    d.group = "activity";
    d.windowed(
        "activity_count",
        "events",
        "活跃次数",
        "Activity count",
        "Sessions, page views, registrations, applications, repayments and transactions.",
        (t, v) -> t.tally.activity,
        v -> v.state().lifetime.activity,
        Window.D1,
        Window.D7,
        Window.D30,
        Window.D90,
        Window.LIFETIME);
    d.windowed(
        "active_days",
        "days",
        "活跃天数",
        "Active days",
        "Days with at least one activity.",
        (t, v) -> t.activeDays,
        null,
        Window.D7,
        Window.D30,
        Window.D90);
    d.number(
        "night_activity_share_30d",
        "share",
        "夜间活跃占比(30天)",
        "Night activity share (30d)",
        "Share of activity between 00:00 and 06:00 local time in the last 30 days.",
        v -> share(v.window(Window.D30).nightActivity, v.window(Window.D30).tally.activity));
    d.number(
        "weekend_activity_share_30d",
        "share",
        "周末活跃占比(30天)",
        "Weekend activity share (30d)",
        "Share of activity on Saturdays and Sundays in the last 30 days.",
        v -> share(v.window(Window.D30).weekendActivity, v.window(Window.D30).tally.activity));
    d.number(
        "peak_hour_90d",
        "hour",
        "活跃高峰时段(90天)",
        "Peak hour (90d)",
        "Hour of day (0-23) with the most activity in the last 90 days.",
        v -> peakHour(v.window(Window.D90).heatmap()));
    d.add(
        new FeatureDefinition(
            "activity_heatmap_90d",
            d.group,
            Window.D90,
            FeatureType.HEATMAP,
            "events",
            "活跃时段热力图(90天)",
            "Activity heatmap (90d)",
            "Activity by weekday (Monday first) and hour of day."),
        v -> heatmap(v.window(Window.D90).heatmap()));
    d.add(
        new FeatureDefinition(
            "activity_heatmap_lifetime",
            d.group,
            Window.LIFETIME,
            FeatureType.HEATMAP,
            "events",
            "活跃时段热力图(全部)",
            "Activity heatmap (lifetime)",
            "Activity by weekday (Monday first) and hour of day."),
        v -> heatmap(v.state().heatmap));
    d.number(
        "days_since_last_activity",
        "days",
        "距上次活跃天数",
        "Days since last activity",
        "Recency of any activity.",
        v -> v.daysSince(v.state().lastActivityAt));
    d.number(
        "days_since_last_application",
        "days",
        "距上次申请天数",
        "Days since last application",
        "Recency of the latest loan application.",
        v -> v.daysSince(v.state().lastApplicationAt));
    d.number(
        "days_since_last_repayment",
        "days",
        "距上次还款天数",
        "Days since last repayment",
        "Recency of the latest repayment.",
        v -> v.daysSince(v.state().lastRepaymentAt));
  }

  private static void devices(Declarations d) {
    d.group = "devices";
    d.windowed(
        "distinct_devices",
        "devices",
        "设备数",
        "Distinct devices",
        "Distinct device ids seen.",
        (t, v) -> t.devices().size(),
        v -> v.state().devices.size(),
        Window.D7,
        Window.D30,
        Window.D90,
        Window.LIFETIME);
    d.windowed(
        "distinct_ips",
        "IPs",
        "IP 数",
        "Distinct IPs",
        "Distinct IP addresses seen.",
        (t, v) -> t.ips().size(),
        v -> v.state().ips.size(),
        Window.D7,
        Window.D30,
        Window.D90,
        Window.LIFETIME);
    d.windowed(
        "distinct_cities",
        "cities",
        "城市数",
        "Distinct cities",
        "Distinct cities the user was seen in.",
        (t, v) -> t.cities().size(),
        v -> v.state().cities.size(),
        Window.D7,
        Window.D30,
        Window.D90,
        Window.LIFETIME);
  }

  private static void funnel(Declarations d) {
    d.group = "funnel";
    d.text(
        "funnel_stage",
        "转化阶段",
        "Funnel stage",
        "Furthest stage reached: registered, applied, approved, disbursed, repaid.",
        v -> {
          FunnelStage top = topStage(v.state());
          return top == null ? null : top.toString();
        });
    d.number(
        "funnel_stage_rank",
        "rank",
        "转化阶段序号",
        "Funnel stage rank",
        "0 (none) to 5 (repaid): the furthest funnel stage as a number.",
        v -> {
          FunnelStage top = topStage(v.state());
          return top == null ? 0 : top.ordinal() + 1;
        });
    d.text(
        "operation_step",
        "操作路径位置",
        "Operation path step",
        "Furthest page action on the path register, apply, confirm, repay.",
        v -> v.state().furthestStep == null ? null : v.state().furthestStep.toString());
  }

  private static void applications(Declarations d) {
    d.group = "applications";
    d.windowed(
        "applications_count",
        "applications",
        "申请次数",
        "Applications",
        "Loan applications made.",
        (t, v) -> t.tally.applications,
        v -> v.state().lifetime.applications,
        Window.D7,
        Window.D30,
        Window.D90,
        Window.LIFETIME);
    d.windowed(
        "application_amount_sum",
        "CNY",
        "申请金额合计",
        "Applied amount",
        "Total amount applied for.",
        (t, v) -> yuan(t.tally.applicationFen),
        v -> yuan(v.state().lifetime.applicationFen),
        Window.D30,
        Window.D90,
        Window.LIFETIME);
    d.windowed(
        "application_amount_avg",
        "CNY",
        "平均申请金额",
        "Average applied amount",
        "Mean amount per application.",
        (t, v) -> ratio(yuan(t.tally.applicationFen), t.tally.applications),
        v -> ratio(yuan(v.state().lifetime.applicationFen), v.state().lifetime.applications),
        Window.D90,
        Window.LIFETIME);
    d.number(
        "application_amount_max_lifetime",
        "CNY",
        "最大申请金额",
        "Largest applied amount",
        "Largest single application.",
        v -> v.state().lifetime.applications == 0 ? Double.NaN : yuan(v.state().maxApplicationFen));
    d.windowed(
        "approval_ratio",
        "share",
        "审批通过率",
        "Approval ratio",
        "Approved / (approved + declined) decisions.",
        (t, v) -> share(t.tally.approvals, t.tally.approvals + t.tally.declines),
        v ->
            share(
                v.state().lifetime.approvals,
                v.state().lifetime.approvals + v.state().lifetime.declines),
        Window.D90,
        Window.LIFETIME);
  }

  private static void loansAndRepayment(Declarations d) {
    d.group = "loans";
    d.number(
        "loans_disbursed_count_lifetime",
        "loans",
        "放款笔数",
        "Loans disbursed",
        "Loans ever disbursed.",
        v -> v.state().loans.values().stream().filter(LoanState::disbursed).count());
    d.number(
        "disbursed_amount_sum_lifetime",
        "CNY",
        "累计放款金额",
        "Disbursed amount",
        "Total principal disbursed.",
        v ->
            yuan(
                v.state().loans.values().stream()
                    .filter(LoanState::disbursed)
                    .mapToLong(l -> l.principalFen)
                    .sum()));
    d.number(
        "loans_outstanding_count",
        "loans",
        "在贷笔数",
        "Open loans",
        "Disbursed loans with principal outstanding or an instalment overdue.",
        v -> v.state().loans.values().stream().filter(l -> l.open(v.asOfDate())).count());
    d.number(
        "outstanding_balance",
        "CNY",
        "在贷余额",
        "Outstanding balance",
        "Principal not yet repaid over all loans (repayments count against principal first).",
        v -> yuan(v.state().loans.values().stream().mapToLong(LoanState::outstandingFen).sum()));
    d.group = "repayment";
    d.windowed(
        "repayments_count",
        "repayments",
        "还款次数",
        "Repayments",
        "Repayments made.",
        (t, v) -> t.tally.repayments,
        v -> v.state().lifetime.repayments,
        Window.D30,
        Window.D90,
        Window.LIFETIME);
    d.windowed(
        "on_time_repayment_ratio",
        "share",
        "按时还款率",
        "On-time repayment ratio",
        "Share of repayments paid on or before the due date.",
        (t, v) -> share(t.tally.onTimeRepayments, t.tally.repayments),
        v -> share(v.state().lifetime.onTimeRepayments, v.state().lifetime.repayments),
        Window.D90,
        Window.LIFETIME);
    d.number(
        "current_dpd",
        "days",
        "当前逾期天数",
        "Current days past due",
        "Days past due of the oldest unpaid instalment on the as-of day.",
        PortraitFeatures::currentDpd);
    d.windowed(
        "max_dpd",
        "days",
        "最大逾期天数",
        "Max days past due",
        "Largest days past due reached: paid late in the window, or still unpaid now.",
        (t, v) -> Math.max(t.tally.maxRepaymentDpd, currentDpd(v)),
        v -> Math.max(v.state().lifetime.maxRepaymentDpd, currentDpd(v)),
        Window.D30,
        Window.D90,
        Window.LIFETIME);
  }

  private static void consumption(Declarations d) {
    d.group = "consumption";
    d.windowed(
        "consumption_count",
        "transactions",
        "消费笔数",
        "Transactions",
        "Consumption transactions.",
        (t, v) -> t.tally.transactions,
        v -> v.state().lifetime.transactions,
        Window.D30,
        Window.D90,
        Window.LIFETIME);
    d.windowed(
        "consumption_amount",
        "CNY",
        "消费金额",
        "Consumption amount",
        "Total consumption amount.",
        (t, v) -> yuan(t.tally.transactionFen),
        v -> yuan(v.state().lifetime.transactionFen),
        Window.D30,
        Window.D90,
        Window.LIFETIME);
    d.number(
        "consumption_online_share_90d",
        "share",
        "线上消费占比(90天)",
        "Online share (90d)",
        "Share of consumption amount spent online in the last 90 days.",
        v ->
            share(
                v.window(Window.D90).tally.onlineTransactionFen,
                v.window(Window.D90).tally.transactionFen));
    d.text(
        "consumption_top_category_90d",
        "主要消费品类(90天)",
        "Top category (90d)",
        "Merchant category with the largest amount in the last 90 days.",
        v -> topCategory(v.window(Window.D90)));
    d.add(
        new FeatureDefinition(
            "consumption_by_category_90d",
            d.group,
            Window.D90,
            FeatureType.MAP,
            "CNY",
            "分品类消费(90天)",
            "Spend by category (90d)",
            "Consumption amount by merchant category."),
        v -> byCategory(v.window(Window.D90)));
  }

  private static void bureau(Declarations d) {
    d.group = "bureau";
    d.number(
        "bureau_inquiries_3m",
        "inquiries",
        "征信查询次数(3个月)",
        "Bureau inquiries (3m)",
        "Credit inquiries in the last 3 months per the latest bureau report.",
        v -> bureau(v, b -> b.inquiries3m()));
    d.number(
        "bureau_open_lines",
        "lines",
        "未结清授信数",
        "Open credit lines",
        "Open credit lines at the bureau.",
        v -> bureau(v, b -> b.openLines()));
    d.number(
        "bureau_overdue_accounts",
        "accounts",
        "逾期账户数",
        "Overdue accounts",
        "Accounts overdue at the bureau.",
        v -> bureau(v, b -> b.overdueAccounts()));
    d.number(
        "bureau_platforms_borrowed",
        "platforms",
        "多头借贷平台数",
        "Lending platforms",
        "Number of lending platforms borrowed from (multi-lending).",
        v -> bureau(v, b -> b.platformsBorrowed()));
    d.number(
        "bureau_outstanding_debt",
        "CNY",
        "征信负债",
        "Bureau debt",
        "Outstanding debt at the bureau.",
        v -> bureau(v, b -> b.outstandingDebt() == null ? null : b.outstandingDebt().toDouble()));
    d.number(
        "days_since_bureau_report",
        "days",
        "征信报告距今天数",
        "Days since bureau report",
        "Age of the latest bureau report.",
        v -> v.state().bureau == null ? Double.NaN : v.daysSince(v.state().bureau.occurredAt()));
  }

  private static void relationsAndConsent(Declarations d) {
    d.group = "relations";
    for (RelationKind kind : RelationKind.values()) {
      d.number(
          "linked_" + kind + "_count",
          "links",
          "关联" + kind.zh() + "数",
          "Linked " + kind.en() + "s",
          "Distinct " + kind.en() + "s linked to the user.",
          v -> {
            LongSet s = v.state().relations.get(kind);
            return s == null ? 0 : s.size();
          });
    }
    d.group = "consent";
    for (ConsentPurpose purpose : ConsentPurpose.values()) {
      d.bool(
          "consent_" + purpose,
          "授权:" + purpose.zh(),
          "Consent: " + purpose.en(),
          "The latest consent for " + purpose.en() + " is granted.",
          v -> v.state().hasConsent(purpose));
    }
  }

  private static UserRegistered reg(ProfileView v) {
    return v.state().registration;
  }

  private static double bureau(ProfileView v, Function<BureauReportReceived, Number> field) {
    BureauReportReceived b = v.state().bureau;
    Number n = b == null ? null : field.apply(b);
    return n == null ? Double.NaN : n.doubleValue();
  }

  private static double currentDpd(ProfileView v) {
    int dpd = 0;
    for (LoanState loan : v.state().loans.values()) {
      dpd = Math.max(dpd, loan.daysPastDue(v.asOfDate()));
    }
    return dpd;
  }

  private static FunnelStage topStage(ProfileState s) {
    FunnelStage top = null;
    for (FunnelStage stage : s.funnel.keySet()) {
      top = stage;
    }
    return top;
  }

  private static double peakHour(int[] heatmap) {
    int[] byHour = new int[24];
    for (int i = 0; i < heatmap.length; i++) {
      byHour[i % 24] += heatmap[i];
    }
    int best = -1;
    for (int h = 0; h < 24; h++) {
      if (byHour[h] > 0 && (best < 0 || byHour[h] > byHour[best])) {
        best = h;
      }
    }
    return best < 0 ? Double.NaN : best;
  }

  private static int[][] heatmap(int[] flat) {
    int[][] out = new int[7][24];
    for (int i = 0; i < flat.length; i++) {
      out[i / 24][i % 24] = flat[i];
    }
    return out;
  }

  private static String topCategory(WindowTotals t) {
    String top = null;
    long best = -1;
    for (var e : t.categories().entrySet()) {
      if (e.getValue().fen > best) {
        best = e.getValue().fen;
        top = e.getKey();
      }
    }
    return top;
  }

  private static Map<String, Double> byCategory(WindowTotals t) {
    Map<String, Double> out = new LinkedHashMap<>();
    t.categories().forEach((k, v) -> out.put(k, yuan(v.fen)));
    return out;
  }

  static double yuan(long fen) {
    return fen / 100.0;
  }

  private static double share(double part, double whole) {
    return whole == 0 ? Double.NaN : part / whole;
  }

  private static double ratio(double sum, int count) {
    return count == 0 ? Double.NaN : sum / count;
  }

  /** Collects declarations in order; the current group is set per section. */
  private static final class Declarations {
    final List<Feature> features = new ArrayList<>();
    String group;

    void add(FeatureDefinition def, Function<ProfileView, Object> compute) {
      features.add(new Feature(def, compute));
    }

    void number(
        String name,
        String unit,
        String zh,
        String en,
        String desc,
        ToDoubleFunction<ProfileView> f) {
      add(
          new FeatureDefinition(
              name, group, windowOf(name), FeatureType.NUMBER, unit, zh, en, desc),
          v -> f.applyAsDouble(v));
    }

    void text(String name, String zh, String en, String desc, Function<ProfileView, String> f) {
      add(
          new FeatureDefinition(name, group, windowOf(name), FeatureType.TEXT, "", zh, en, desc),
          f::apply);
    }

    void bool(String name, String zh, String en, String desc, Function<ProfileView, Boolean> f) {
      add(
          new FeatureDefinition(
              name, group, Window.LIFETIME, FeatureType.BOOLEAN, "", zh, en, desc),
          f::apply);
    }

    /** One feature per window: {@code base_7d}, {@code base_30d}, ... {@code base_lifetime}. */
    void windowed(
        String base,
        String unit,
        String zh,
        String en,
        String desc,
        ToDoubleBiFunction<WindowTotals, ProfileView> sliding,
        ToDoubleFunction<ProfileView> lifetime,
        Window... windows) {
      for (Window w : windows) {
        String name = base + "_" + w.suffix();
        String zhw = zh + "(" + (w == Window.LIFETIME ? "全部" : w.days() + "天") + ")";
        String enw = en + " (" + w.suffix() + ")";
        Function<ProfileView, Object> f =
            w == Window.LIFETIME
                ? v -> lifetime.applyAsDouble(v)
                : v -> sliding.applyAsDouble(v.window(w), v);
        add(new FeatureDefinition(name, group, w, FeatureType.NUMBER, unit, zhw, enw, desc), f);
      }
    }

    private static Window windowOf(String name) {
      for (Window w : SHORT_TO_LONG) {
        if (name.endsWith("_" + w.suffix())) {
          return w;
        }
      }
      return Window.LIFETIME;
    }
  }
}
