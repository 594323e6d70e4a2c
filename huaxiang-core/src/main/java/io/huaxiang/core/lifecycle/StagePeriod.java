package io.huaxiang.core.lifecycle;

import java.time.LocalDate;

/** A user was in {@code stage} from {@code from} to {@code to} (local days, both inclusive). */
public record StagePeriod(LifecycleStage stage, LocalDate from, LocalDate to) {}
