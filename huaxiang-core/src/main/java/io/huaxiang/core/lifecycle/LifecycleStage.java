package io.huaxiang.core.lifecycle;

import io.huaxiang.core.event.Labelled;

/** Stages of the user lifecycle (用户生命周期); see {@link Lifecycle} for the rules. */
public enum LifecycleStage implements Labelled {
  REGISTERED("新注册", "registered"),
  APPLIED("已申请", "applied"),
  BORROWER("借款用户", "borrower"),
  ACTIVE("活跃用户", "active"),
  SILENT("沉默用户", "silent"),
  CHURNED("流失用户", "churned"),
  REACTIVATED("回流用户", "reactivated");

  private final String zh;
  private final String en;

  LifecycleStage(String zh, String en) {
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
