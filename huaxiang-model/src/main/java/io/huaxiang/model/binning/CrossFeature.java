package io.huaxiang.model.binning;

import io.huaxiang.model.data.CategoricalColumn;
import io.huaxiang.model.data.Dataset;
import java.util.Map;

/**
 * An interaction of two binned features: each row's category is the pair of its bins, e.g. {@code
 * "[1, 2) × < 50000"}. Binned like any categorical feature, it lets an additive card give the
 * combination points of its own.
 *
 * @param name derived feature name, {@code first_x_second}
 * @param first binning of the first source feature
 * @param second binning of the second source feature
 */
public record CrossFeature(String name, FeatureBinning first, FeatureBinning second) {

  /** Separator between the two bin labels of a cross category. */
  public static final String SEPARATOR = " × ";

  /** Crosses two binnings under the name {@code first_x_second}. */
  public static CrossFeature of(FeatureBinning first, FeatureBinning second) {
    return new CrossFeature(first.feature() + "_x_" + second.feature(), first, second);
  }

  /** Returns the cross category of one scoring input. */
  public String labelOf(Map<String, ?> applicant) {
    return label(
        first.binOfValue(applicant.get(first.feature())),
        second.binOfValue(applicant.get(second.feature())));
  }

  /** Returns the cross column of a dataset holding both source columns. */
  public CategoricalColumn derive(Dataset data) {
    int[] a = first.assign(data.column(first.feature()));
    int[] b = second.assign(data.column(second.feature()));
    String[] out = new String[a.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = label(a[i], b[i]);
    }
    return new CategoricalColumn(name, out);
  }

  private String label(int a, int b) {
    return first.label(a) + SEPARATOR + second.label(b);
  }
}
