package io.huaxiang.server.console;

import java.time.Instant;
import java.util.List;

/** One user in a population list: enough to pick whom to open in User 360 (用户画像详情). */
public record UserRow(String userId, long eventCount, Instant lastEventAt, List<String> tags) {}
