package io.huaxiang.core.event.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against the subset of JSON Schema 2020-12 that events.schema.json uses ($ref,
 * type, const, enum, required, properties, additionalProperties, anyOf, oneOf, items, minimum,
 * maximum, exclusiveMinimum, minLength, pattern), so tests need no validator library.
 */
final class MiniSchemaValidator {
  private final JsonNode root;

  MiniSchemaValidator(JsonNode root) {
    this.root = root;
  }

  /** The problems found, empty when the value is valid. */
  List<String> validate(JsonNode value, JsonNode schema, String path) {
    List<String> errors = new ArrayList<>();
    if (schema.has("$ref")) {
      errors.addAll(validate(value, resolve(schema.get("$ref").asText()), path));
    }
    if (schema.has("type") && !typeMatches(value, schema.get("type"))) {
      errors.add(path + ": expected " + schema.get("type") + ", got " + value.getNodeType());
      return errors;
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      errors.add(path + ": expected " + schema.get("const") + ", got " + value);
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      errors.add(path + ": " + value + " is not one of " + schema.get("enum"));
    }
    if (schema.has("anyOf") && count(value, schema.get("anyOf"), path) == 0) {
      errors.add(path + ": matches none of anyOf");
    }
    if (schema.has("oneOf") && count(value, schema.get("oneOf"), path) != 1) {
      errors.add(path + ": does not match exactly one of oneOf");
    }
    errors.addAll(numberAndText(value, schema, path));
    if (value.isObject()) {
      errors.addAll(object(value, schema, path));
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        errors.addAll(validate(value.get(i), schema.get("items"), path + "[" + i + "]"));
      }
    }
    return errors;
  }

  private List<String> object(JsonNode value, JsonNode schema, String path) {
    List<String> errors = new ArrayList<>();
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        errors.add(path + ": missing required '" + required.asText() + "'");
      }
    }
    JsonNode properties = schema.path("properties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      if (properties.has(field.getKey())) {
        errors.addAll(
            validate(
                field.getValue(), properties.get(field.getKey()), path + "." + field.getKey()));
      } else if (schema.path("additionalProperties").isBoolean()
          && !schema.get("additionalProperties").asBoolean()) {
        errors.add(path + ": unknown property '" + field.getKey() + "'");
      }
    }
    return errors;
  }

  private static List<String> numberAndText(JsonNode value, JsonNode schema, String path) {
    List<String> errors = new ArrayList<>();
    if (value.isNumber()) {
      double v = value.asDouble();
      if (schema.has("minimum") && v < schema.get("minimum").asDouble()) {
        errors.add(path + ": " + v + " < minimum " + schema.get("minimum"));
      }
      if (schema.has("maximum") && v > schema.get("maximum").asDouble()) {
        errors.add(path + ": " + v + " > maximum " + schema.get("maximum"));
      }
      if (schema.has("exclusiveMinimum") && v <= schema.get("exclusiveMinimum").asDouble()) {
        errors.add(path + ": " + v + " <= exclusiveMinimum " + schema.get("exclusiveMinimum"));
      }
    }
    if (value.isTextual()) {
      if (schema.has("minLength") && value.asText().length() < schema.get("minLength").asInt()) {
        errors.add(path + ": shorter than " + schema.get("minLength"));
      }
      if (schema.has("pattern")
          && !java.util.regex.Pattern.compile(schema.get("pattern").asText())
              .matcher(value.asText())
              .find()) {
        errors.add(path + ": '" + value.asText() + "' does not match " + schema.get("pattern"));
      }
    }
    return errors;
  }

  private int count(JsonNode value, JsonNode alternatives, String path) {
    int matches = 0;
    for (JsonNode alternative : alternatives) {
      matches += validate(value, alternative, path).isEmpty() ? 1 : 0;
    }
    return matches;
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#/$defs/")) {
      throw new IllegalArgumentException("only local $defs references are supported: " + ref);
    }
    return root.path("$defs").path(ref.substring("#/$defs/".length()));
  }

  private static boolean typeMatches(JsonNode value, JsonNode type) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeMatches(value, t)) {
          return true;
        }
      }
      return false;
    }
    return switch (type.asText()) {
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "array" -> value.isArray();
      case "object" -> value.isObject();
      case "null" -> value.isNull();
      default -> throw new IllegalArgumentException("unknown JSON type " + type);
    };
  }

  private static boolean contains(JsonNode list, JsonNode value) {
    for (JsonNode item : list) {
      if (item.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
