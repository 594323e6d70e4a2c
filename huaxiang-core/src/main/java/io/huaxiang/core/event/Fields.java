package io.huaxiang.core.event;

import io.huaxiang.core.lending.Money;

/** Field checks shared by the event records, so every event fails with the same wording. */
final class Fields {
  private Fields() {}

  static <T> T required(T value, String field) {
    if (value == null) {
      throw new InvalidEventException(
          RejectReason.MISSING_FIELD, field, "field '" + field + "' is required");
    }
    return value;
  }

  static String requiredText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidEventException(
          RejectReason.MISSING_FIELD, field, "field '" + field + "' is required");
    }
    return value;
  }

  static Money nonNegative(Money value, String field) {
    required(value, field);
    if (value.isNegative()) {
      throw new InvalidEventException(
          RejectReason.NEGATIVE_AMOUNT,
          field,
          "field '" + field + "' must not be negative, got " + value);
    }
    return value;
  }

  static Money positive(Money value, String field) {
    nonNegative(value, field);
    if (!value.isPositive()) {
      throw new InvalidEventException(
          RejectReason.INVALID_VALUE, field, "field '" + field + "' must be greater than 0");
    }
    return value;
  }

  static int between(int value, int min, int max, String field) {
    if (value < min || value > max) {
      throw new InvalidEventException(
          RejectReason.INVALID_VALUE,
          field,
          "field '" + field + "' must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  static Integer optionalBetween(Integer value, int min, int max, String field) {
    return value == null ? null : between(value, min, max, field);
  }
}
