package io.huaxiang.core.event.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huaxiang.core.event.EventType;
import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.RejectReason;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.core.lending.Money;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads events from CSV rows: one header naming wire fields (the union over event types, e.g.
 * {@code type,id,user_id,occurred_at,source,amount,...}), one event per row, empty cells absent.
 *
 * <p>Cells are typed by the event record's component types, so {@code "6"} becomes the number 6 for
 * {@code term_months} but stays text for an id; a cell that cannot be typed stays text and is
 * refused by the JSON rules with the field's name. Lists use {@code |} between items.
 */
public final class EventCsv {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String[] header;
  private final int typeColumn;
  private final EventJson json;
  private final Map<EventType, Map<String, Class<?>>> fieldTypes = new HashMap<>();

  public EventCsv(String[] header, EventJson json) {
    this.header = Arrays.stream(header).map(String::trim).toArray(String[]::new);
    this.typeColumn = Arrays.asList(this.header).indexOf("type");
    this.json = json;
    if (typeColumn < 0) {
      throw new IllegalArgumentException(
          "the CSV header needs a 'type' column; it has: " + String.join(", ", this.header));
    }
    for (EventType t : EventType.values()) {
      Map<String, Class<?>> fields = new HashMap<>();
      for (RecordComponent c : t.recordType().getRecordComponents()) {
        fields.put(snake(c.getName()), c.getType());
      }
      fieldTypes.put(t, fields);
    }
  }

  public List<String> header() {
    return List.of(header);
  }

  /** Parses one row; throws {@link InvalidEventException} naming the field at fault. */
  public UserEvent read(String[] row) {
    if (row.length > header.length) {
      throw new InvalidEventException(
          RejectReason.MALFORMED_JSON,
          null,
          "row has " + row.length + " cells but the header has " + header.length);
    }
    String typeName = typeColumn < row.length ? row[typeColumn].trim() : "";
    Map<String, Class<?>> types =
        EventType.fromWire(typeName).map(fieldTypes::get).orElse(Map.of());
    ObjectNode node = NODES.objectNode();
    for (int i = 0; i < row.length; i++) {
      String cell = row[i] == null ? "" : row[i].trim();
      if (!cell.isEmpty()) {
        node.set(header[i], typed(cell, types.get(header[i])));
      }
    }
    return json.read(node);
  }

  private static JsonNode typed(String cell, Class<?> type) {
    if (type == null) {
      return NODES.textNode(cell);
    }
    try {
      if (type == Integer.class || type == int.class) {
        return NODES.numberNode(Integer.parseInt(cell));
      }
      if (type == Money.class || type == BigDecimal.class) {
        return NODES.numberNode(new BigDecimal(cell));
      }
    } catch (NumberFormatException e) {
      return NODES.textNode(cell); // refused later as "must be a number", naming the field
    }
    if (type == Boolean.class || type == boolean.class) {
      return switch (cell.toLowerCase(java.util.Locale.ROOT)) {
        case "true", "1", "yes", "y" -> NODES.booleanNode(true);
        case "false", "0", "no", "n" -> NODES.booleanNode(false);
        default -> NODES.textNode(cell);
      };
    }
    if (List.class.isAssignableFrom(type)) {
      ArrayNode items = NODES.arrayNode();
      Arrays.stream(cell.split("\\|")).map(String::trim).forEach(items::add);
      return items;
    }
    return NODES.textNode(cell);
  }

  static String snake(String camel) {
    StringBuilder out = new StringBuilder();
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        out.append('_').append(Character.toLowerCase(ch));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }
}
