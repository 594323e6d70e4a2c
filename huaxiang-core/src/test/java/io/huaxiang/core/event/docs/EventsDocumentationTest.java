package io.huaxiang.core.event.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huaxiang.core.event.EventType;
import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.Labelled;
import io.huaxiang.core.event.RejectReason;
import io.huaxiang.core.event.json.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/events.md and events.schema.json true: every example parses with {@link EventJson} and
 * validates against the schema, and the schema's fields, enums and required lists match the code.
 */
class EventsDocumentationTest {
  private static final Path DOC = Path.of("../docs/events.md");
  private static final Set<String> ENVELOPE = Set.of("type", "schema_version");
  private static final EventJson JSON = new EventJson();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode schema;
  private static List<ObjectNode> examples;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        EventJson.class.getResourceAsStream("/io/huaxiang/core/event/events.schema.json")) {
      assertThat(in).as("events.schema.json on the classpath").isNotNull();
      schema = MAPPER.readTree(in);
    }
    examples = new ArrayList<>();
    Matcher m =
        Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL)
            .matcher(Files.readString(DOC, StandardCharsets.UTF_8));
    while (m.find()) {
      examples.add((ObjectNode) MAPPER.readTree(m.group(1)));
    }
  }

  @Test
  void theDocsHaveOneExamplePerEventTypeAndEachParses() {
    assertThat(examples)
        .extracting(e -> e.get("type").asText())
        .containsExactlyInAnyOrderElementsOf(EventType.wireNames());
    for (ObjectNode example : examples) {
      assertThatCode(() -> JSON.read(example.toString()))
          .as(example.toString())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void everyExampleValidatesAgainstTheSchemaAndUsesAllItsFields() {
    MiniSchemaValidator validator = new MiniSchemaValidator(schema);
    for (ObjectNode example : examples) {
      assertThat(validator.validate(example, schema, "$")).as(example.toString()).isEmpty();
      Set<String> documented = names(definition(example.get("type").asText()).get("properties"));
      documented.removeAll(ENVELOPE);
      assertThat(names(example))
          .as("fields of the %s example", example.get("type"))
          .containsAll(documented);
    }
  }

  @Test
  void theSchemaListsExactlyTheFieldsAndEnumValuesOfEachRecord() {
    var snake = new PropertyNamingStrategies.SnakeCaseStrategy();
    for (EventType type : EventType.values()) {
      JsonNode properties = definition(type.wire()).get("properties");
      Set<String> fields = new HashSet<>();
      for (RecordComponent c : type.recordType().getRecordComponents()) {
        String wire = snake.translate(c.getName());
        fields.add(wire);
        if (c.getType().isEnum()) {
          assertThat(enumValues(properties.get(wire)))
              .as("%s.%s", type, wire)
              .containsExactlyInAnyOrderElementsOf(
                  Arrays.stream(c.getType().getEnumConstants())
                      .map(e -> Labelled.wireName((Enum<?>) e))
                      .toList());
        }
      }
      Set<String> inSchema = names(properties);
      inSchema.removeAll(ENVELOPE);
      assertThat(inSchema).as("fields of %s", type).isEqualTo(fields);
    }
  }

  @Test
  void aFieldIsRequiredInTheSchemaExactlyWhenTheReaderRefusesItsAbsence() {
    for (ObjectNode example : examples) {
      Set<String> required = new HashSet<>();
      definition(example.get("type").asText())
          .get("required")
          .forEach(r -> required.add(r.asText()));
      for (String field : names(example)) {
        ObjectNode without = example.deepCopy();
        without.remove(field);
        InvalidEventException refused =
            catchThrowableOfType(InvalidEventException.class, () -> JSON.read(without.toString()));
        String what = example.get("type") + " without " + field;
        if (required.contains(field)) {
          assertThat(refused).as(what).isNotNull();
          assertThat(refused.reason()).as(what).isEqualTo(RejectReason.MISSING_FIELD);
        } else {
          assertThat(refused).as(what).isNull();
        }
      }
    }
  }

  @Test
  void theSchemaRefusesWhatTheReaderRefuses() {
    MiniSchemaValidator validator = new MiniSchemaValidator(schema);
    ObjectNode applied = example("loan_applied");
    List<ObjectNode> bad =
        List.of(
            applied.deepCopy().put("purpose", "holiday"),
            applied.deepCopy().put("amount", -5),
            applied.deepCopy().put("amount", "0.00"),
            applied.deepCopy().put("term_months", 121),
            applied.deepCopy().put("user_ld", "x"),
            applied.deepCopy().put("id", "has space"),
            applied.deepCopy().put("schema_version", 2));
    for (ObjectNode event : bad) {
      assertThat(validator.validate(event, schema, "$")).as(event.toString()).isNotEmpty();
      assertThat(
              catchThrowableOfType(InvalidEventException.class, () -> JSON.read(event.toString())))
          .as(event.toString())
          .isNotNull();
    }
  }

  private static ObjectNode example(String type) {
    return examples.stream()
        .filter(e -> e.get("type").asText().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode definition(String type) {
    JsonNode def = schema.path("$defs").path(type);
    assertThat(def.isObject()).as("schema definition of %s", type).isTrue();
    return def;
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new HashSet<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static List<String> enumValues(JsonNode property) {
    List<String> values = new ArrayList<>();
    property
        .path("enum")
        .forEach(
            v -> {
              if (!v.isNull()) {
                values.add(v.asText());
              }
            });
    return values;
  }
}
