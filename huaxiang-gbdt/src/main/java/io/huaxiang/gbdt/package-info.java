/**
 * The gradient-boosted-trees challenger to the scorecard, trained and scored through XGBoost4J.
 *
 * <p>{@link io.huaxiang.gbdt.GbdtTrainer} turns a {@link io.huaxiang.model.data.Dataset} into an
 * XGBoost booster with early stopping on a seeded validation hold-out; {@link
 * io.huaxiang.gbdt.GbdtModel} predicts PDs, explains each prediction with the library's SHAP
 * contributions as bilingual {@link io.huaxiang.model.scorecard.ReasonCode}s, and saves itself as
 * XGBoost's own model file plus a JSON sidecar.
 */
package io.huaxiang.gbdt;
