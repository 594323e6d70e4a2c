package io.huaxiang.store;

import java.math.BigDecimal;

/**
 * What a what-if simulation reads of one stored decision: the outcome, amount and PD it was decided
 * with, and the application and input snapshot to decide again on (JSON text).
 *
 * @param pd the PD scored, null when the decision was not scored
 */
public record PastApplication(
    String outcome, BigDecimal approvedAmount, Double pd, String application, String inputs) {}
