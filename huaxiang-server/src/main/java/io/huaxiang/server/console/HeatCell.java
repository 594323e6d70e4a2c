package io.huaxiang.server.console;

/**
 * One cell of the weekday × hour activity heatmap (活跃时段热力图).
 *
 * @param weekday 0 = Monday … 6 = Sunday, in the configured zone
 * @param hour 0 … 23, in the configured zone
 * @param count activity events in that weekday and hour
 */
public record HeatCell(int weekday, int hour, long count) {}
