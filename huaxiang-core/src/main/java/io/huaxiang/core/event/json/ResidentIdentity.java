package io.huaxiang.core.event.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.RejectReason;
import io.huaxiang.core.identity.InvalidIdentifierException;
import io.huaxiang.core.identity.ResidentIdNumber;

/**
 * Lets a registration carry the resident ID number instead of a birth date: the number is checked
 * (checksum, birth date), the birth date and gender are taken from it, and the number itself is
 * dropped, so a clear ID number never reaches the event log.
 */
final class ResidentIdentity {
  static final String FIELD = "id_number";

  private ResidentIdentity() {}

  static void deriveFromIdNumber(ObjectNode registration) {
    JsonNode text = registration.remove(FIELD);
    if (text == null || text.isNull()) {
      return;
    }
    if (!text.isTextual()) {
      throw new InvalidEventException(
          RejectReason.WRONG_TYPE, FIELD, "field 'id_number' must be a string");
    }
    ResidentIdNumber id;
    try {
      id = ResidentIdNumber.parse(text.asText());
    } catch (InvalidIdentifierException e) {
      // the message names the problem, never the number
      throw new InvalidEventException(
          RejectReason.INVALID_VALUE,
          FIELD,
          "field 'id_number' is not a valid resident ID number: " + e.reason().en());
    }
    String birth = id.birthDate().toString();
    JsonNode declared = registration.get("birth_date");
    if (declared == null || declared.isNull()) {
      registration.put("birth_date", birth);
    } else if (!birth.equals(declared.asText())) {
      throw new InvalidEventException(
          RejectReason.INVALID_VALUE,
          "birth_date",
          "field 'birth_date' does not match the birth date in 'id_number'");
    }
    JsonNode gender = registration.get("gender");
    if (gender == null || gender.isNull() || "unknown".equals(gender.asText())) {
      registration.put("gender", id.gender().name().toLowerCase(java.util.Locale.ROOT));
    }
  }
}
