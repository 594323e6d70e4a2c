package io.huaxiang.model.selection;

/** What decides a stepwise move. */
public enum Criterion {
  /** Akaike information criterion: a move must lower AIC. */
  AIC,
  /** Wald p-value: enter below {@code pEnter}, leave above {@code pStay}. */
  P_VALUE
}
