package io.huaxiang.core.demo;

import io.huaxiang.core.event.IncomeBand;

/** What demo users buy: merchant categories with typical amounts and online shares (assumed). */
final class Spending {
  /** A merchant category, its median amount in CNY and the share of its spending done online. */
  record Category(String name, double medianYuan, double onlineShare) {}

  static final Weighted<Category> CATEGORIES =
      Weighted.<Category>of()
          .add(0.30, new Category("catering", 45, 0.45))
          .add(0.25, new Category("online_shopping", 150, 1.0))
          .add(0.15, new Category("groceries", 80, 0.3))
          .add(0.10, new Category("transport", 25, 0.6))
          .add(0.08, new Category("entertainment", 120, 0.5))
          .add(0.05, new Category("digital_services", 30, 1.0))
          .add(0.03, new Category("travel", 800, 0.85))
          .add(0.02, new Category("education", 500, 0.6))
          .add(0.02, new Category("medical", 200, 0.2));

  private Spending() {}

  /** Transactions per month by declared income band. */
  static double perMonth(IncomeBand band) {
    return switch (band) {
      case BELOW_3K -> 6;
      case FROM_3K_TO_5K -> 9;
      case FROM_5K_TO_10K -> 12;
      case FROM_10K_TO_20K -> 15;
      case ABOVE_20K -> 18;
      case UNKNOWN -> 8;
    };
  }
}
