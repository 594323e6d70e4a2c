package io.huaxiang.server.console;

import java.time.LocalDate;

/** A count for one calendar day in the configured zone, e.g. new registrations (每日新增). */
public record DailyCount(LocalDate day, long count) {}
