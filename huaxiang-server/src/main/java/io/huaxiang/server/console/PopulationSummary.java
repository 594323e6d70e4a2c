package io.huaxiang.server.console;

import java.time.Instant;

/**
 * The headline numbers of the overview (画像总览).
 *
 * @param users portraits in the (filtered) population
 * @param events events of those users in the log
 * @param taggedUsers users holding at least one tag
 * @param firstEventAt the earliest event time of those users, null when there are none
 * @param lastEventAt the latest event time of those users, null when there are none
 * @param zone the time zone days and hours are counted in, e.g. Asia/Shanghai
 */
public record PopulationSummary(
    long users,
    long events,
    long taggedUsers,
    Instant firstEventAt,
    Instant lastEventAt,
    String zone) {}
