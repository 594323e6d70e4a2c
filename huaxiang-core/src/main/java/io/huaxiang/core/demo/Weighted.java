package io.huaxiang.core.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/** A fixed categorical distribution: values with relative weights, sampled by inverse CDF. */
final class Weighted<T> {
  private final List<T> values = new ArrayList<>();
  private double[] cumulative = new double[0];

  static <T> Weighted<T> of() {
    return new Weighted<>();
  }

  Weighted<T> add(double weight, T value) {
    double total = cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    double[] next = Arrays.copyOf(cumulative, cumulative.length + 1);
    next[next.length - 1] = total + weight;
    cumulative = next;
    values.add(value);
    return this;
  }

  T sample(RandomGenerator random) {
    double x = random.nextDouble() * cumulative[cumulative.length - 1];
    for (int i = 0; i < cumulative.length; i++) {
      if (x < cumulative[i]) {
        return values.get(i);
      }
    }
    return values.get(values.size() - 1);
  }
}
