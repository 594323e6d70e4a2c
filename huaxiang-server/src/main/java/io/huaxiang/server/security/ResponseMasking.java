package io.huaxiang.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.huaxiang.core.event.EventType;
import io.huaxiang.core.privacy.Classification;
import io.huaxiang.core.privacy.DataClass;
import io.huaxiang.core.privacy.LogRedactor;
import io.huaxiang.core.privacy.Masking;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Field-level protection of every API response: unless the caller may see personal data in clear
 * (compliance only, see {@link Actors#seesClearPersonalData}), identifiers are masked on the way
 * out.
 *
 * <ul>
 *   <li>every text anywhere in the body (JSON or CSV, problems included) goes through {@link
 *       LogRedactor#redact}: resident ID numbers, mobile numbers and bank cards come out as {@code
 *       1****************2}, {@code 138****5678}, {@code 622202******7890}, whatever field holds
 *       them (a user id that is a phone number, a relation's target, a quoted refused value);
 *   <li>in events (the timeline), every C2 text attribute, such as a device id, an IP address, a
 *       city or a relation's target, is masked by the generic rule (first and last character);
 *       amounts, terms, categories and dates stay, because assessing credit needs them.
 * </ul>
 *
 * Marketing is kept from personal data by function-level rules instead ({@link EndpointRules}): it
 * reaches no endpoint that returns one person's data.
 */
@RestControllerAdvice
public class ResponseMasking implements ResponseBodyAdvice<Object> {
  /** Event wire type → JSON names of its C2 attributes. */
  private static final Map<String, Set<String>> C2_EVENT_FIELDS = eventFields();

  private final ObjectMapper json;

  public ResponseMasking(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body == null || Actors.seesClearPersonalData()) {
      return body;
    }
    if (body instanceof String text) {
      return LogRedactor.redact(text);
    }
    if (body instanceof byte[] || body instanceof org.springframework.core.io.Resource) {
      return body;
    }
    if (contentType != null
        && (contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
            || contentType.getSubtype().endsWith("+json"))) {
      JsonNode tree = json.valueToTree(body);
      return mask(tree);
    }
    return body;
  }

  /** Masks a JSON tree in place and returns it. */
  static JsonNode mask(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Set<String> eventFields =
          object.get("type") instanceof TextNode t && object.has("user_id")
              ? C2_EVENT_FIELDS.getOrDefault(t.asText(), Set.of())
              : Set.of();
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (f.getValue() instanceof TextNode text) {
          String v = text.asText();
          f.setValue(
              new TextNode(
                  eventFields.contains(f.getKey()) ? Masking.generic(v) : LogRedactor.redact(v)));
        } else {
          mask(f.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode item = array.get(i);
        if (item instanceof TextNode text) {
          array.set(i, new TextNode(LogRedactor.redact(text.asText())));
        } else {
          mask(item);
        }
      }
    }
    return node;
  }

  private static Map<String, Set<String>> eventFields() {
    Map<String, Set<String>> out = new HashMap<>();
    for (EventType type : EventType.values()) {
      Set<String> names = new HashSet<>();
      for (var recordComponent : type.recordType().getRecordComponents()) {
        var entry = Classification.of(type.recordType()).get(recordComponent.getName());
        if (entry != null
            && entry.dataClass() != DataClass.C1
            && recordComponent.getType() == String.class) {
          names.add(snake(recordComponent.getName()));
        }
      }
      out.put(type.wire(), Set.copyOf(names));
    }
    return Map.copyOf(out);
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
