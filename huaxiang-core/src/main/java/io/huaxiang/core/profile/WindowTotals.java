package io.huaxiang.core.profile;

import java.util.TreeMap;

/** The sum of a profile's day buckets over one sliding window, computed at read time. */
final class WindowTotals {
  final Tally tally = new Tally();
  int activeDays;
  int nightActivity;
  int weekendActivity;
  private int[] heatmap;
  private TreeMap<String, CategorySpend> categories;
  private final java.util.List<DayBucket> buckets = new java.util.ArrayList<>();
  private LongSet devices;
  private LongSet ips;
  private LongSet cities;

  // distinct counts need set unions, which cost more than all the sums: done only when asked
  LongSet devices() {
    if (devices == null) {
      devices = union(d -> d.devices);
    }
    return devices;
  }

  LongSet ips() {
    if (ips == null) {
      ips = union(d -> d.ips);
    }
    return ips;
  }

  LongSet cities() {
    if (cities == null) {
      cities = union(d -> d.cities);
    }
    return cities;
  }

  /** Activity by weekday (Monday first) and hour, flattened 7 x 24; computed when asked. */
  int[] heatmap() {
    if (heatmap == null) {
      heatmap = new int[7 * 24];
      for (DayBucket d : buckets) {
        int weekday = (int) Math.floorMod(d.epochDay + 3, 7);
        for (int h = 0; h < 24; h++) {
          heatmap[weekday * 24 + h] += d.hours[h];
        }
      }
    }
    return heatmap;
  }

  TreeMap<String, CategorySpend> categories() {
    if (categories == null) {
      categories = new TreeMap<>();
      for (DayBucket d : buckets) {
        d.categories.forEach(
            (k, v) -> categories.computeIfAbsent(k, x -> new CategorySpend()).addAll(v));
      }
    }
    return categories;
  }

  private LongSet union(java.util.function.Function<DayBucket, LongSet> set) {
    LongSet out = new LongSet();
    for (DayBucket d : buckets) {
      set.apply(d).addAllTo(out);
    }
    return out;
  }

  void add(DayBucket d) {
    tally.add(d.tally);
    activeDays += d.tally.activity > 0 ? 1 : 0;
    int weekday = (int) Math.floorMod(d.epochDay + 3, 7);
    for (int h = 0; h < 6; h++) {
      nightActivity += d.hours[h];
    }
    weekendActivity += weekday >= 5 ? d.tally.activity : 0;
    buckets.add(d);
  }
}
