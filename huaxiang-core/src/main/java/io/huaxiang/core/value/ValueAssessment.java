package io.huaxiang.core.value;

/** A user's RFM scores (null for a non-borrower) and the value tier they put the user in. */
public record ValueAssessment(Rfm rfm, ValueTier tier) {}
