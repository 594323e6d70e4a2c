package io.huaxiang.model.scorecard;

/** The Chinese and English names of a feature, shown in reason codes and reports. */
public record FeatureLabel(String zh, String en) {

  /** Derives labels from an identifier: {@code credit_amount} becomes "credit amount". */
  public static FeatureLabel fromName(String name) {
    String en = name.replace('_', ' ').replace('.', ' ').trim();
    return new FeatureLabel("特征「" + name + "」", en);
  }
}
