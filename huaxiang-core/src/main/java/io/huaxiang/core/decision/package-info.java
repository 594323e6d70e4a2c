/**
 * Loan decisioning (贷款决策): a declarative, versioned {@link io.huaxiang.core.decision.Strategy} of
 * ordered stages (pre-checks, fraud, score, limit, pricing, throttle) evaluated by the pure {@link
 * io.huaxiang.core.decision.DecisionEngine} over an application and a snapshot of its inputs
 * (portrait features, list hits, velocity counts, commitments). No I/O and no clock: the decision
 * time and every lookup are inputs, so a stored decision replays to the identical result.
 */
package io.huaxiang.core.decision;
