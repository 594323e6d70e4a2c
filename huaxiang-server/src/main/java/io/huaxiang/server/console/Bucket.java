package io.huaxiang.server.console;

/**
 * One bar, slice or funnel step of a population chart: a category key, its bilingual label and how
 * many users or events fall in it.
 */
public record Bucket(String key, String labelZh, String labelEn, long count) {}
