package io.huaxiang.core.event.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.huaxiang.core.event.EventType;
import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.RejectReason;
import io.huaxiang.core.event.SafeText;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.lending.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes user events in Huaxiang's JSON wire format (schema version 1, see
 * docs/events.md).
 *
 * <p>Reading is strict on purpose: an unknown field is more often a typo or data that must not be
 * collected than a harmless extra, and a silently dropped field is data lost. Every failure is an
 * {@link InvalidEventException} naming the field and the reason.
 */
public final class EventJson {
  /** The wire schema version this code reads and writes. */
  public static final int SCHEMA_VERSION = 1;

  /** Field names that would carry authentication data (C3), which Huaxiang never stores. */
  private static final Set<String> FORBIDDEN_FIELDS =
      Set.of(
          "password",
          "passwd",
          "pin",
          "cvn",
          "cvv",
          "cvv2",
          "card_expiry",
          "expiry",
          "otp",
          "sms_code",
          "biometric",
          "face_image",
          "fingerprint");

  private final ObjectMapper mapper;

  public EventJson() {
    this.mapper = newMapper();
  }

  /** The mapper configured for the wire format, for callers that embed events in other JSON. */
  public ObjectMapper mapper() {
    return mapper;
  }

  public UserEvent read(String json) {
    JsonNode node;
    try {
      node = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
    return read(node);
  }

  /** Reads one event from an already parsed JSON object. */
  public UserEvent read(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new InvalidEventException(
          RejectReason.MALFORMED_JSON, null, "an event must be a JSON object");
    }
    ObjectNode object = ((ObjectNode) node).deepCopy();
    checkSchemaVersion(object);
    EventType type = typeOf(object);
    checkForbidden(object);
    checkText(object);
    if (type == EventType.USER_REGISTERED) {
      ResidentIdentity.deriveFromIdNumber(object);
    }
    try {
      return mapper.treeToValue(object, UserEvent.class);
    } catch (JsonProcessingException e) {
      throw translate(e, type);
    } catch (IllegalArgumentException e) {
      throw unwrap(e, null);
    }
  }

  /**
   * Reads an event this class wrote (e.g. from the event log) in one pass, without the field-by-
   * field diagnostics that untrusted input gets from {@link #read(String)}.
   */
  public UserEvent readStored(String json) {
    try {
      return mapper.readValue(json, UserEvent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored event is not readable: " + e.getOriginalMessage(), e);
    }
  }

  public String write(UserEvent event) {
    try {
      return mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write event " + event.id(), e);
    }
  }

  private static void checkSchemaVersion(ObjectNode object) {
    JsonNode version = object.remove("schema_version");
    if (version != null && !(version.isInt() && version.asInt() == SCHEMA_VERSION)) {
      throw new InvalidEventException(
          RejectReason.INVALID_VALUE,
          "schema_version",
          "field 'schema_version' must be " + SCHEMA_VERSION + " (or omitted), got " + version);
    }
  }

  private static EventType typeOf(ObjectNode object) {
    JsonNode type = object.get("type");
    if (type == null || type.isNull()) {
      throw new InvalidEventException(
          RejectReason.MISSING_FIELD, "type", "field 'type' is required");
    }
    if (!type.isTextual()) {
      throw new InvalidEventException(
          RejectReason.WRONG_TYPE, "type", "field 'type' must be a string");
    }
    return EventType.fromWire(type.asText())
        .orElseThrow(
            () ->
                new InvalidEventException(
                    RejectReason.UNKNOWN_EVENT_TYPE,
                    "type",
                    "unknown event type '"
                        + type.asText()
                        + "'; known types: "
                        + String.join(", ", EventType.wireNames())));
  }

  /** Refuses text values that break {@link SafeText}: injection attempts, oversized values. */
  private static void checkText(JsonNode node) {
    Iterator<java.util.Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      checkText(field.getKey(), field.getValue());
    }
  }

  private static void checkText(String name, JsonNode value) {
    if (value.isTextual()) {
      String text = value.asText();
      if (SafeText.refused(text)) {
        throw new InvalidEventException(
            RejectReason.INVALID_VALUE,
            name,
            "field '" + name + "' is not acceptable event text: " + SafeText.RULE);
      }
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        checkText(name, item);
      }
    } else if (value.isObject()) {
      checkText(value);
    }
  }

  private static void checkForbidden(ObjectNode object) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next().toLowerCase(Locale.ROOT);
      if (FORBIDDEN_FIELDS.contains(name)) {
        throw new InvalidEventException(
            RejectReason.FORBIDDEN_DATA,
            name,
            "field '"
                + name
                + "' carries authentication data (C3), which Huaxiang never collects or stores");
      }
    }
  }

  private static InvalidEventException malformed(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return new InvalidEventException(
        RejectReason.MALFORMED_JSON,
        null,
        "malformed JSON" + where + ": " + e.getOriginalMessage());
  }

  private InvalidEventException translate(JsonProcessingException e, EventType type) {
    if (e instanceof JsonParseException) {
      return malformed(e);
    }
    String field = e instanceof JsonMappingException m ? fieldPath(m) : null;
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      return new InvalidEventException(
          RejectReason.UNKNOWN_FIELD,
          u.getPropertyName(),
          "field '"
              + u.getPropertyName()
              + "' is not part of event type '"
              + type.wire()
              + "'; its fields are: type, "
              + known);
    }
    if (e instanceof ValueInstantiationException v) {
      return unwrap(v.getCause(), field);
    }
    if (e instanceof InvalidFormatException f && f.getTargetType().isEnum()) {
      return new InvalidEventException(
          RejectReason.INVALID_VALUE,
          field,
          "field '"
              + field
              + "' has value '"
              + f.getValue()
              + "', expected one of: "
              + enumValues(f.getTargetType()));
    }
    if (e instanceof MismatchedInputException m) {
      return new InvalidEventException(
          RejectReason.WRONG_TYPE,
          field,
          "field '" + field + "' must be " + expected(m.getTargetType()));
    }
    if (e instanceof JsonMappingException m && m.getCause() != null) {
      return unwrap(m.getCause(), field);
    }
    return new InvalidEventException(RejectReason.INVALID_VALUE, field, e.getOriginalMessage());
  }

  private static InvalidEventException unwrap(Throwable cause, String field) {
    if (cause instanceof InvalidEventException invalid) {
      return invalid;
    }
    String message = cause == null ? "invalid value" : cause.getMessage();
    return new InvalidEventException(
        RejectReason.INVALID_VALUE,
        field,
        field == null ? message : "field '" + field + "': " + message);
  }

  private static String fieldPath(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String enumValues(Class<?> enumType) {
    Object[] constants = enumType.getEnumConstants();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < constants.length; i++) {
      out.append(i == 0 ? "" : ", ").append(constants[i]);
    }
    return out.toString();
  }

  private static String expected(Class<?> target) {
    if (target == null) {
      return "of another type";
    }
    if (Number.class.isAssignableFrom(target) || target == Money.class || target == int.class) {
      return "a number";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "true or false";
    }
    if (target.getSimpleName().equals("Instant")) {
      return "an ISO-8601 time with offset, e.g. 2026-01-31T09:30:00+08:00";
    }
    if (target.getSimpleName().equals("LocalDate")) {
      return "a date, e.g. 2026-01-31";
    }
    if (target == String.class || target.isRecord()) {
      return "a string";
    }
    if (java.util.List.class.isAssignableFrom(target)) {
      return "a JSON array";
    }
    return "a " + target.getSimpleName();
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  private interface UserEventMixin {}

  private static ObjectMapper newMapper() {
    SimpleModule money = new SimpleModule("huaxiang-money");
    money.addSerializer(Money.class, new MoneySerializer());
    money.addDeserializer(Money.class, new MoneyDeserializer());
    JsonMapper mapper =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .addModule(money)
            .addMixIn(UserEvent.class, UserEventMixin.class)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // amounts keep their fen: 2000.00 must not come back as 2E+3
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().build());
    for (EventType type : EventType.values()) {
      mapper.registerSubtypes(new NamedType(type.recordType(), type.wire()));
    }
    return mapper;
  }

  private static final class MoneySerializer extends JsonSerializer<Money> {
    @Override
    public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeNumber(value.amount());
    }
  }

  private static final class MoneyDeserializer extends JsonDeserializer<Money> {
    @Override
    public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return switch (p.currentToken()) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Money(p.getDecimalValue());
        case VALUE_STRING -> parse(p, ctxt);
        default -> (Money) ctxt.handleUnexpectedToken(Money.class, p);
      };
    }

    /** Accepts amounts sent as decimal strings, common in finance to avoid binary floats. */
    private static Money parse(JsonParser p, DeserializationContext ctxt) throws IOException {
      try {
        return new Money(new BigDecimal(p.getText().trim()));
      } catch (NumberFormatException e) {
        throw ctxt.weirdStringException(p.getText(), Money.class, "not a decimal amount");
      }
    }
  }
}
