package io.huaxiang.core.profile;

/**
 * Count and amount (in fen, so sums are exact in any order) of consumption in one merchant
 * category.
 */
final class CategorySpend {
  int count;
  long fen;

  void add(long valueFen) {
    count++;
    fen += valueFen;
  }

  void addAll(CategorySpend other) {
    count += other.count;
    fen += other.fen;
  }
}
