package io.huaxiang.server.console;

/** The Chinese and English label of one category value, e.g. {@code high_school} → 高中及以下. */
public record ValueLabel(String labelZh, String labelEn) {}
