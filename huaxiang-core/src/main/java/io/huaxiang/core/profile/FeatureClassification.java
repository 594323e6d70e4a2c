package io.huaxiang.core.profile;

import io.huaxiang.core.privacy.DataClass;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gives each portrait feature its {@link DataClass} (JR/T 0171-2020), so the API, exports and logs
 * know which feature values are personal financial information.
 *
 * <p>A feature is classified by its group, because a group holds features derived from the same
 * kind of source data. Where a group mixes kinds, the group takes the stricter class: over-masking
 * an internal value costs little, leaking a financial one costs a lot.
 *
 * <ul>
 *   <li><b>C2</b> demographics (age, city, education, income band: identity data; the channel and
 *       account age come along), applications, loans, repayment, consumption and bureau (amounts,
 *       balances, overdue days and credit reports: financial data), relations (how many phones,
 *       cards and contacts are linked tells about a person's circle), activity (it holds the days
 *       since the last application and repayment, i.e. borrowing behaviour) and funnel (a stage of
 *       "disbursed" or "repaid" says that the person has borrowed).
 *   <li><b>C1</b> devices (counts of distinct devices, IPs and cities only; the identifiers
 *       themselves stay C2 in the events) and consent (which purposes a user has granted: every
 *       service has to read it to obey it, and it holds no identity or finances).
 * </ul>
 *
 * <p>No feature is C3: authentication data is refused at ingestion and no feature derives from it.
 */
public final class FeatureClassification {

  private static final Map<String, DataClass> BY_GROUP =
      Map.ofEntries(
          Map.entry("demographics", DataClass.C2),
          Map.entry("activity", DataClass.C2),
          Map.entry("devices", DataClass.C1),
          Map.entry("funnel", DataClass.C2),
          Map.entry("applications", DataClass.C2),
          Map.entry("loans", DataClass.C2),
          Map.entry("repayment", DataClass.C2),
          Map.entry("consumption", DataClass.C2),
          Map.entry("bureau", DataClass.C2),
          Map.entry("relations", DataClass.C2),
          Map.entry("consent", DataClass.C1));

  private FeatureClassification() {}

  /**
   * The class of a feature.
   *
   * @throws IllegalArgumentException if the feature's group has no class yet; add the group to this
   *     class when adding it to {@link PortraitFeatures}
   */
  public static DataClass of(FeatureDefinition feature) {
    Objects.requireNonNull(feature, "feature");
    DataClass c = BY_GROUP.get(feature.group());
    if (c == null) {
      throw new IllegalArgumentException(
          "feature "
              + feature.name()
              + " is in group '"
              + feature.group()
              + "', which has no data class; classify the group in FeatureClassification"
              + " (known groups: "
              + groups()
              + ")");
    }
    return c;
  }

  /** The groups that have a class. */
  public static Set<String> groups() {
    return new TreeSet<>(BY_GROUP.keySet());
  }
}
