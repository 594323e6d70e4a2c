package io.huaxiang.core.profile;

import java.util.TreeMap;

/**
 * Everything a profile keeps about one calendar day, so that windowed features can be summed over
 * days in any order and late events land in the right day.
 */
final class DayBucket {
  long epochDay;
  Tally tally = new Tally();
  int[] hours = new int[24];
  TreeMap<String, CategorySpend> categories = new TreeMap<>();
  LongSet devices = new LongSet();
  LongSet ips = new LongSet();
  LongSet cities = new LongSet();

  DayBucket() {}

  DayBucket(long epochDay) {
    this.epochDay = epochDay;
  }
}
