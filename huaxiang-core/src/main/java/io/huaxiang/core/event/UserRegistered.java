package io.huaxiang.core.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A user opened an account, with the demographics they declared. Wire type {@code user_registered}.
 */
public record UserRegistered(
    EventId id,
    UserId userId,
    Instant occurredAt,
    String source,
    LocalDate birthDate,
    Gender gender,
    String city,
    Integer cityTier,
    Education education,
    String occupation,
    IncomeBand incomeBand,
    MaritalStatus maritalStatus,
    String channel)
    implements UserEvent {

  public UserRegistered {
    Fields.required(id, "id");
    Fields.required(userId, "user_id");
    Fields.required(occurredAt, "occurred_at");
    Fields.requiredText(source, "source");
    cityTier = Fields.optionalBetween(cityTier, 1, 5, "city_tier");
    gender = gender == null ? Gender.UNKNOWN : gender;
    education = education == null ? Education.UNKNOWN : education;
    incomeBand = incomeBand == null ? IncomeBand.UNKNOWN : incomeBand;
    maritalStatus = maritalStatus == null ? MaritalStatus.UNKNOWN : maritalStatus;
  }

  @Override
  public EventType type() {
    return EventType.USER_REGISTERED;
  }
}
