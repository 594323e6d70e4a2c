package io.huaxiang.core.value;

import java.util.List;

/** A user's borrowing pattern and risk preference, with the facts that decided each. */
public record BorrowingProfile(
    BorrowingPattern pattern,
    List<String> patternReasons,
    RiskPreference riskPreference,
    List<String> riskReasons) {
  public BorrowingProfile {
    patternReasons = List.copyOf(patternReasons);
    riskReasons = List.copyOf(riskReasons);
  }
}
