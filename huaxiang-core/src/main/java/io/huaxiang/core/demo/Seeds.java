package io.huaxiang.core.demo;

import java.util.SplittableRandom;

/**
 * Independent random streams per (seed, user, purpose), so any user can be generated alone, in any
 * order, and come out the same.
 */
final class Seeds {
  static final int PROFILE = 1;
  static final int EVENTS = 2;
  static final int RING = 3;
  static final int SHUFFLE = 4;
  static final int ATTRITION = 5;

  private Seeds() {}

  static SplittableRandom random(long seed, long key, int purpose) {
    return new SplittableRandom(mix(mix(seed) ^ mix(key * 31 + purpose)));
  }

  /** The 64-bit finaliser of MurmurHash3: spreads nearby inputs over the whole range. */
  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
