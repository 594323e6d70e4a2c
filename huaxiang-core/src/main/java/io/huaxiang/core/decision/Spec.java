package io.huaxiang.core.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of a YAML definition with its path, so every problem says where it is ({@code
 * score.bands[1].min_score}). Unknown keys are refused: a typo must not silently drop a rule.
 */
final class Spec {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private final JsonNode node;
  private final String path;

  private Spec(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static Spec parse(String yaml, String what) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new DefinitionException(
          "SYNTAX", "", what + " is not valid YAML: " + msg, what + "不是合法的 YAML：" + msg);
    }
    if (root == null || !root.isObject()) {
      throw new DefinitionException(
          "SYNTAX", "", what + " must be a YAML mapping", what + "必须是 YAML 映射（键: 值）");
    }
    return new Spec(root, "");
  }

  String path() {
    return path;
  }

  String at(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  boolean has(String field) {
    JsonNode n = node.get(field);
    return n != null && !n.isNull();
  }

  /** Refuses keys other than {@code allowed}. */
  Spec only(String... allowed) {
    Set<String> ok = Set.of(allowed);
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!ok.contains(name)) {
        throw new DefinitionException(
            "UNKNOWN_FIELD",
            at(name),
            "unknown key '" + name + "'; allowed here: " + String.join(", ", allowed),
            "未知的键 '" + name + "'；此处允许：" + String.join("、", allowed));
      }
    }
    return this;
  }

  String text(String field) {
    JsonNode n = required(field);
    if (!n.isValueNode()) {
      throw invalid(field, "must be text", "必须是文本");
    }
    return n.asText();
  }

  String text(String field, String fallback) {
    return has(field) ? text(field) : fallback;
  }

  BigDecimal number(String field) {
    JsonNode n = required(field);
    if (!n.isNumber()) {
      throw invalid(field, "must be a number, got '" + n.asText() + "'", "必须是数值");
    }
    return n.decimalValue();
  }

  BigDecimal number(String field, BigDecimal fallback) {
    return has(field) ? number(field) : fallback;
  }

  int integer(String field) {
    BigDecimal n = number(field);
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      throw invalid(field, "must be a whole number, got " + n, "必须是整数");
    }
  }

  Spec object(String field) {
    JsonNode n = required(field);
    if (!n.isObject()) {
      throw invalid(field, "must be a mapping of keys to values", "必须是键值映射");
    }
    return new Spec(n, at(field));
  }

  List<Spec> list(String field) {
    if (!has(field)) {
      return List.of();
    }
    JsonNode n = node.get(field);
    if (!n.isArray()) {
      throw invalid(field, "must be a list", "必须是列表");
    }
    List<Spec> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      out.add(new Spec(n.get(i), at(field) + "[" + i + "]"));
    }
    return out;
  }

  List<String> texts(String field) {
    List<String> out = new ArrayList<>();
    for (Spec s : list(field)) {
      if (!s.node.isValueNode()) {
        throw new DefinitionException("INVALID_VALUE", s.path, "must be text", "必须是文本");
      }
      out.add(s.node.asText());
    }
    return out;
  }

  /** A mapping of names to numbers, in file order. */
  Map<String, BigDecimal> numbers(String field) {
    Spec o = object(field);
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    o.node.fieldNames().forEachRemaining(k -> out.put(k, o.number(k)));
    return out;
  }

  boolean isObject() {
    return node.isObject();
  }

  DefinitionException invalid(String field, String message, String messageZh) {
    return new DefinitionException("INVALID_VALUE", at(field), message, messageZh);
  }

  private JsonNode required(String field) {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) {
      throw new DefinitionException("MISSING", at(field), "is required but missing", "缺少必填项");
    }
    return n;
  }
}
