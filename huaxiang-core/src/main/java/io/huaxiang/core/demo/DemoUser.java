package io.huaxiang.core.demo;

import io.huaxiang.core.event.Education;
import io.huaxiang.core.event.Gender;
import io.huaxiang.core.event.IncomeBand;
import io.huaxiang.core.event.MaritalStatus;
import io.huaxiang.core.event.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A demo user's hidden truth: who they are and how risky they really are. Their events show only
 * part of this, as real events would; tests use it to check that models and fraud rules find it.
 *
 * @param latentRisk the probability that a loan of this user ends in default, in (0, 1); it also
 *     drives late payments, multi-lending at the bureau, application frequency and night activity
 * @param fraudRing the id of the device-sharing ring this user belongs to, if any
 */
public record DemoUser(
    UserId id,
    int index,
    double latentRisk,
    Instant registeredAt,
    LocalDate birthDate,
    Gender gender,
    City city,
    Education education,
    String occupation,
    IncomeBand incomeBand,
    MaritalStatus maritalStatus,
    String channel,
    String deviceId,
    String ip,
    Optional<String> fraudRing) {}
