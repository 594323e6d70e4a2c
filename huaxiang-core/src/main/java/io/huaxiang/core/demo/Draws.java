package io.huaxiang.core.demo;

import java.util.random.RandomGenerator;

/** The few distributions the demo needs, on any random generator. */
final class Draws {
  private Draws() {}

  /** Poisson by Knuth's multiplication method; fine for the small means used here. */
  static int poisson(RandomGenerator r, double mean) {
    if (mean <= 0) {
      return 0;
    }
    double limit = Math.exp(-Math.min(mean, 30));
    double p = 1;
    int k = -1;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > limit);
    return k;
  }

  static double exponential(RandomGenerator r, double mean) {
    return -mean * Math.log(1 - r.nextDouble());
  }

  static double logNormal(RandomGenerator r, double median, double sigma) {
    return median * Math.exp(sigma * r.nextGaussian());
  }

  /** 1, 2, 3... with the given mean. */
  static int geometric(RandomGenerator r, double mean) {
    return 1 + (int) Math.floor(exponential(r, Math.max(0.01, mean - 1)));
  }

  static boolean chance(RandomGenerator r, double p) {
    return r.nextDouble() < p;
  }
}
