package io.huaxiang.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huaxiang.core.event.EventType;
import io.huaxiang.core.event.RelationKind;
import io.huaxiang.core.event.RelationLinked;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.core.identity.BankCardNumber;
import io.huaxiang.core.identity.InvalidIdentifierException;
import io.huaxiang.core.identity.PhoneNumber;
import io.huaxiang.core.privacy.AssociatedData;
import io.huaxiang.core.privacy.Classified;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Splits an event into what the log may keep in clear and what it must keep encrypted.
 *
 * <p>Every record component marked {@code @Classified(identifier = true)} (a relation's phone or
 * card, a device id, an IP) is replaced in the stored payload by its pseudonym, a keyed lookup hash
 * ({@code lk:…}), and its clear value is encrypted into a separate {@code sealed} object: {@code
 * {"device_id":"hx1:k1:…"}}, bound to the column and the event id. The projector reads only the
 * payload: distinct-device and relation counts work on pseudonyms as well as on clear values, and
 * no key is needed to rebuild portraits. Readers that must show a value (timeline, data-subject
 * export) call {@link #open}.
 */
public final class EventSealer {
  /** The {@code column} part of the associated data; the field name follows after a dot. */
  static final String COLUMN = "events.sealed";

  private final EventJson json;
  private final FieldProtection protection;
  private final Map<EventType, Shape> shapes = new EnumMap<>(EventType.class);

  public EventSealer(EventJson json, FieldProtection protection) {
    this.json = json;
    this.protection = protection;
    for (EventType type : EventType.values()) {
      Shape shape = Shape.of(type.recordType());
      if (shape != null) {
        shapes.put(type, shape);
      }
    }
  }

  /** Wire names of the event types that carry identifiers. */
  public String[] sealedTypes() {
    return shapes.keySet().stream().map(EventType::wire).toArray(String[]::new);
  }

  EventJson json() {
    return json;
  }

  public FieldProtection protection() {
    return protection;
  }

  /**
   * What the log stores for one event.
   *
   * @param event the event with identifiers replaced by pseudonyms (what portraits fold)
   * @param payload {@code event} as wire JSON
   * @param sealed the encrypted identifiers as a JSON object, or null when the event has none
   * @param keyId the field key that sealed them, or null
   */
  public record Sealed(UserEvent event, String payload, String sealed, String keyId) {}

  public Sealed seal(UserEvent event) {
    Shape shape = shapes.get(event.type());
    if (shape == null) {
      return new Sealed(event, json.write(event), null, null);
    }
    Object[] args = shape.values(event);
    StringBuilder sealed = null;
    for (int i : shape.identifiers) {
      if (!(args[i] instanceof String clear)
          || clear.startsWith(FieldProtection.PSEUDONYM_PREFIX)) {
        continue;
      }
      String field = shape.wireNames[i];
      args[i] = protection.pseudonym(domain(event, field), normalise(event, field, clear));
      String cipher =
          protection.encrypt(clear, AssociatedData.of(COLUMN + "." + field, event.id().value()));
      sealed = sealed == null ? new StringBuilder("{") : sealed.append(',');
      // field names are snake_case identifiers and ciphertexts base64url: nothing to escape
      sealed.append('"').append(field).append("\":\"").append(cipher).append('"');
    }
    if (sealed == null) {
      return new Sealed(event, json.write(event), null, null);
    }
    UserEvent pseudonymous = shape.make(args);
    return new Sealed(
        pseudonymous,
        json.write(pseudonymous),
        sealed.append('}').toString(),
        protection.activeKeyId());
  }

  /** The pseudonymous event as the projector sees it, from the stored payload. */
  public UserEvent pseudonymous(String payload) {
    return json.readStored(payload);
  }

  /** The event with its identifiers decrypted: for the people and processes allowed to see them. */
  public UserEvent open(String payload, String sealed) {
    if (sealed == null) {
      return json.readStored(payload);
    }
    try {
      ObjectNode tree = (ObjectNode) json.mapper().readTree(payload);
      JsonNode values = json.mapper().readTree(sealed);
      String eventId = tree.path("id").asText();
      Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        tree.put(
            f.getKey(),
            protection.decrypt(
                f.getValue().asText(), AssociatedData.of(COLUMN + "." + f.getKey(), eventId)));
      }
      return json.mapper().treeToValue(tree, UserEvent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored event is not readable: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Re-encrypts a sealed object under the active key.
   *
   * @return the new sealed JSON
   */
  public String reseal(String eventId, String sealed) {
    try {
      ObjectNode values = (ObjectNode) json.mapper().readTree(sealed);
      Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        f.setValue(
            values.textNode(
                protection.rotate(
                    f.getValue().asText(), AssociatedData.of(COLUMN + "." + f.getKey(), eventId))));
      }
      return json.mapper().writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("sealed values are not readable", e);
    }
  }

  /** The pseudonym of a phone number, as relation and contact links store it. */
  public String phonePseudonym(String phone) {
    return protection.pseudonym("phone", PhoneNumber.parse(phone).value());
  }

  /** The pseudonym of a bank card number, as relation links store it. */
  public String bankCardPseudonym(String card) {
    return protection.pseudonym("bank_card", BankCardNumber.parse(card).value());
  }

  /**
   * The lookup domain: equal values in the same domain get the same pseudonym, so a phone seen as a
   * contact joins the same phone linked as the user's own, and a device joins across events.
   */
  private static String domain(UserEvent event, String field) {
    if (event instanceof RelationLinked r) {
      return switch (r.kind()) {
        case PHONE, CONTACT -> isPhone(r.target()) ? "phone" : "contact";
        case BANK_CARD -> "bank_card";
        case DEVICE -> "device";
        case REFERRER -> "referrer";
      };
    }
    return field.equals("device_id") ? "device" : field;
  }

  private static String normalise(UserEvent event, String field, String clear) {
    if (event instanceof RelationLinked r) {
      if ((r.kind() == RelationKind.PHONE || r.kind() == RelationKind.CONTACT) && isPhone(clear)) {
        return PhoneNumber.parse(clear).value();
      }
      if (r.kind() == RelationKind.BANK_CARD) {
        try {
          return BankCardNumber.parse(clear).value();
        } catch (InvalidIdentifierException e) {
          return clear.strip();
        }
      }
    }
    return clear.strip();
  }

  private static boolean isPhone(String text) {
    try {
      PhoneNumber.parse(text);
      return true;
    } catch (InvalidIdentifierException e) {
      return false;
    }
  }

  /** A record type's components and canonical constructor, for copying with some values swapped. */
  private record Shape(
      MethodHandle[] accessors, MethodHandle constructor, String[] wireNames, int[] identifiers) {

    static Shape of(Class<? extends UserEvent> type) {
      RecordComponent[] components = type.getRecordComponents();
      List<Integer> ids = new ArrayList<>();
      MethodHandle[] accessors = new MethodHandle[components.length];
      String[] names = new String[components.length];
      Class<?>[] types = new Class<?>[components.length];
      PropertyNamingStrategies.SnakeCaseStrategy snake =
          new PropertyNamingStrategies.SnakeCaseStrategy();
      try {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        for (int i = 0; i < components.length; i++) {
          RecordComponent c = components[i];
          Classified classified = c.getAnnotation(Classified.class);
          if (classified != null && classified.identifier()) {
            ids.add(i);
          }
          accessors[i] =
              lookup
                  .unreflect(c.getAccessor())
                  .asType(MethodType.methodType(Object.class, Object.class));
          names[i] = snake.translate(c.getName());
          types[i] = c.getType();
        }
        if (ids.isEmpty()) {
          return null;
        }
        MethodHandle constructor =
            lookup
                .unreflectConstructor(type.getConstructor(types))
                .asSpreader(Object[].class, types.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
        return new Shape(
            accessors, constructor, names, ids.stream().mapToInt(Integer::intValue).toArray());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("event record " + type.getName() + " is not public", e);
      }
    }

    Object[] values(UserEvent event) {
      Object[] out = new Object[accessors.length];
      try {
        for (int i = 0; i < out.length; i++) {
          out[i] = (Object) accessors[i].invokeExact((Object) event);
        }
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read event " + event.type(), e);
      }
      return out;
    }

    UserEvent make(Object[] args) {
      try {
        return (UserEvent) (Object) constructor.invokeExact(args);
      } catch (Throwable e) {
        throw new IllegalStateException("cannot copy an event with pseudonyms", e);
      }
    }
  }
}
