package io.huaxiang.core.expr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the names an author probably meant ("did you mean …?") by edit distance. */
final class Suggestions {

  private static final int MAX_SUGGESTIONS = 3;

  private Suggestions() {}

  /**
   * Candidates close to {@code name}, best first: same name in another case, same last dotted part
   * ({@code amount} → {@code application.amount}), or within a few edits (swapped letters count as
   * one edit).
   */
  static List<String> closest(String name, Iterable<String> candidates) {
    String wanted = name.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(3, wanted.length() / 3));
    record Scored(String name, int distance) {}
    List<Scored> scored = new ArrayList<>();
    for (String candidate : candidates) {
      String c = candidate.toLowerCase(Locale.ROOT);
      int distance;
      if (c.equals(wanted)) {
        distance = 0;
      } else if (c.endsWith("." + wanted) || wanted.endsWith("." + c)) {
        distance = 1;
      } else {
        distance = distance(wanted, c, limit);
      }
      if (distance <= limit) {
        scored.add(new Scored(candidate, distance));
      }
    }
    return scored.stream()
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .limit(MAX_SUGGESTIONS)
        .map(Scored::name)
        .toList();
  }

  /**
   * Optimal-string-alignment distance between {@code a} and {@code b}; returns {@code limit + 1}
   * early when the lengths alone differ by more than {@code limit}.
   */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }
}
