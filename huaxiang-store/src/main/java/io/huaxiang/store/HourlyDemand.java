package io.huaxiang.store;

import java.math.BigDecimal;
import java.time.Instant;

/** Applications and approvals of one product in one hour. */
public record HourlyDemand(
    Instant hour, long applications, long approvals, BigDecimal approvedAmount) {}
