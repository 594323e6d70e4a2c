package io.huaxiang.model.selection;

/** Why a feature went into the model or was left out. */
public enum SelectionReason {
  LOW_IV,
  CORRELATED,
  HIGH_VIF,
  ENTERED,
  NOT_ENTERED,
  REMOVED,
  WRONG_SIGN,
  MAX_FEATURES,
  KEPT
}
