package io.huaxiang.server.console;

import java.util.List;

/** How the population splits over one portrait feature (画像分布), e.g. users per city tier. */
public record Distribution(String feature, String labelZh, String labelEn, List<Bucket> buckets) {}
