package io.huaxiang.server.console;

import io.huaxiang.core.event.Education;
import io.huaxiang.core.event.Gender;
import io.huaxiang.core.event.IncomeBand;
import io.huaxiang.core.event.Labelled;
import io.huaxiang.core.event.LoanPurpose;
import io.huaxiang.core.event.MaritalStatus;
import io.huaxiang.core.event.OperationStep;
import io.huaxiang.core.event.RepaymentMode;
import io.huaxiang.core.profile.FunnelStage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bilingual labels for the category keys the population queries return, in display order.
 *
 * <p>Enumerations of the event schema bring their own labels; the bands the console cuts itself
 * (age, amount, days late) are declared here, next to the SQL that produces their keys.
 */
final class CategoryLabels {
  static final String UNKNOWN = "unknown";

  private final Map<String, String[]> labels;

  private CategoryLabels(Map<String, String[]> labels) {
    this.labels = labels;
  }

  static CategoryLabels of(String... keyZhEn) {
    if (keyZhEn.length % 3 != 0) {
      throw new IllegalArgumentException("labels come in key, zh, en triples");
    }
    Map<String, String[]> m = new LinkedHashMap<>();
    for (int i = 0; i < keyZhEn.length; i += 3) {
      m.put(keyZhEn[i], new String[] {keyZhEn[i + 1], keyZhEn[i + 2]});
    }
    m.putIfAbsent(UNKNOWN, new String[] {"未知", "unknown"});
    return new CategoryLabels(m);
  }

  static <E extends Enum<E> & Labelled> CategoryLabels ofEnum(Class<E> type) {
    Map<String, String[]> m = new LinkedHashMap<>();
    for (E e : type.getEnumConstants()) {
      m.put(Labelled.wireName(e), new String[] {e.zh(), e.en()});
    }
    m.putIfAbsent(UNKNOWN, new String[] {"未知", "unknown"});
    return new CategoryLabels(m);
  }

  static final CategoryLabels GENDER = ofEnum(Gender.class);
  static final CategoryLabels MARITAL_STATUS = ofEnum(MaritalStatus.class);
  static final CategoryLabels OPERATION_STEP = ofEnum(OperationStep.class);
  static final CategoryLabels EDUCATION = ofEnum(Education.class);
  static final CategoryLabels INCOME_BAND = ofEnum(IncomeBand.class);
  static final CategoryLabels LOAN_PURPOSE = ofEnum(LoanPurpose.class);
  static final CategoryLabels REPAYMENT_MODE = ofEnum(RepaymentMode.class);
  static final CategoryLabels FUNNEL = ofEnum(FunnelStage.class);

  static final CategoryLabels CITY_TIER =
      of(
          "1",
          "一线城市",
          "tier 1",
          "2",
          "二线城市",
          "tier 2",
          "3",
          "三线城市",
          "tier 3",
          "4",
          "四线城市",
          "tier 4",
          "5",
          "五线及以下",
          "tier 5 and below");

  static final CategoryLabels AGE_BAND =
      of(
          "under_18",
          "18岁以下",
          "under 18",
          "18_24",
          "18-24岁",
          "18-24",
          "25_34",
          "25-34岁",
          "25-34",
          "35_44",
          "35-44岁",
          "35-44",
          "45_54",
          "45-54岁",
          "45-54",
          "55_plus",
          "55岁及以上",
          "55+");

  /** Requested loan amount bands, CNY; the keys are the lower bounds used by the SQL. */
  static final CategoryLabels AMOUNT_BAND =
      of(
          "0", "1千以下", "< 1k", "1000", "1千-3千", "1k-3k", "3000", "3千-5千", "3k-5k", "5000", "5千-1万",
          "5k-10k", "10000", "1万-2万", "10k-20k", "20000", "2万-5万", "20k-50k", "50000", "5万及以上",
          "50k+");

  static final CategoryLabels TIMELINESS =
      of(
          "on_time",
          "按时还款",
          "on time",
          "late_1_7",
          "逾期1-7天",
          "1-7 days late",
          "late_8_30",
          "逾期8-30天",
          "8-30 days late",
          "late_31_plus",
          "逾期30天以上",
          "over 30 days late");

  /** Every key with its labels, in display order. */
  Map<String, ValueLabel> asMap() {
    Map<String, ValueLabel> out = new LinkedHashMap<>();
    labels.forEach((key, zhEn) -> out.put(key, new ValueLabel(zhEn[0], zhEn[1])));
    return out;
  }

  /**
   * Labels counted keys, in this table's order first (with zero counts where a category is absent,
   * so charts keep a stable shape), then any key the table does not know, by count.
   */
  List<Bucket> buckets(Map<String, Long> counts, boolean keepEmpty) {
    Map<String, Long> rest = new LinkedHashMap<>(counts);
    List<Bucket> out = new ArrayList<>();
    labels.forEach(
        (key, zhEn) -> {
          Long n = rest.remove(key);
          if (n != null || (keepEmpty && !key.equals(UNKNOWN))) {
            out.add(new Bucket(key, zhEn[0], zhEn[1], n == null ? 0 : n));
          }
        });
    rest.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.add(new Bucket(e.getKey(), e.getKey(), e.getKey(), e.getValue())));
    return out;
  }
}
