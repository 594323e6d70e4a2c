package io.huaxiang.core.profile;

/**
 * The declaration of one portrait feature: what it is called, what it means, over which window, and
 * of which type. The API, the console and docs/features.md all read these.
 */
public record FeatureDefinition(
    String name,
    String group,
    Window window,
    FeatureType type,
    String unit,
    String labelZh,
    String labelEn,
    String description) {}
