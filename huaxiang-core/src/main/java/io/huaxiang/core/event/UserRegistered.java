package io.huaxiang.core.event;

import io.huaxiang.core.privacy.Classified;
import io.huaxiang.core.privacy.DataClass;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A user opened an account, with the demographics they declared. Wire type {@code user_registered}.
 */
public record UserRegistered(
    @Classified(DataClass.C1) EventId id,
    @Classified(DataClass.C1) UserId userId,
    @Classified(DataClass.C1) Instant occurredAt,
    @Classified(DataClass.C1) String source,
    @Classified(DataClass.C2) LocalDate birthDate,
    @Classified(DataClass.C2) Gender gender,
    @Classified(DataClass.C2) String city,
    @Classified(DataClass.C2) Integer cityTier,
    @Classified(DataClass.C2) Education education,
    @Classified(DataClass.C2) String occupation,
    @Classified(DataClass.C2) IncomeBand incomeBand,
    @Classified(DataClass.C2) MaritalStatus maritalStatus,
    @Classified(DataClass.C1) String channel)
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
