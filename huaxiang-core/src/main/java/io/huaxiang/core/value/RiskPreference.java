package io.huaxiang.core.value;

import io.huaxiang.core.event.Labelled;

/** How much credit risk a user seeks (风险偏好); see {@link BorrowingPatterns} for the rule. */
public enum RiskPreference implements Labelled {
  CONSERVATIVE("稳健", "conservative"),
  MODERATE("适中", "moderate"),
  AGGRESSIVE("激进", "aggressive");

  private final String zh;
  private final String en;

  RiskPreference(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  @Override
  public String zh() {
    return zh;
  }

  @Override
  public String en() {
    return en;
  }
}
