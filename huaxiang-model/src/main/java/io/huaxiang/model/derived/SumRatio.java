package io.huaxiang.model.derived;

import java.util.List;

/**
 * The sum of some columns over the sum of others, e.g. payments over bills or bills over the credit
 * limit (utilisation). Missing when an input is missing or the denominator is not positive (no
 * bill, no limit): the missing bin then carries that case's own risk.
 *
 * @param name derived feature name
 * @param numerator columns summed above the line
 * @param denominator columns summed below the line
 */
public record SumRatio(String name, List<String> numerator, List<String> denominator)
    implements DerivedFeature {

  public SumRatio {
    numerator = List.copyOf(numerator);
    denominator = List.copyOf(denominator);
    if (numerator.isEmpty() || denominator.isEmpty()) {
      throw new IllegalArgumentException("a ratio needs columns above and below the line");
    }
  }

  @Override
  public List<String> inputs() {
    return java.util.stream.Stream.concat(numerator.stream(), denominator.stream()).toList();
  }

  @Override
  public double compute(double[] v) {
    double above = 0;
    double below = 0;
    for (int j = 0; j < v.length; j++) {
      if (Double.isNaN(v[j])) {
        return Double.NaN;
      }
      if (j < numerator.size()) {
        above += v[j];
      } else {
        below += v[j];
      }
    }
    return below > 0 ? above / below : Double.NaN;
  }
}
