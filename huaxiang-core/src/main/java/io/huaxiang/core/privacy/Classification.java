package io.huaxiang.core.privacy;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the {@link Classified} annotations of a type, for building data maps, choosing which
 * columns to encrypt and which to mask.
 */
public final class Classification {

  /** The class and masking rule of one classified member. */
  public record Entry(String name, DataClass dataClass, MaskKind mask) {}

  private Classification() {}

  /**
   * The classified components of a record (in declaration order), or the classified declared fields
   * of any other class. Unannotated members are left out.
   */
  public static Map<String, Entry> of(Class<?> type) {
    Objects.requireNonNull(type, "type");
    Map<String, Entry> entries = new LinkedHashMap<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        Classified c = component.getAnnotation(Classified.class);
        if (c != null) {
          entries.put(component.getName(), new Entry(component.getName(), c.value(), c.mask()));
        }
      }
      return entries;
    }
    for (Field field : type.getDeclaredFields()) {
      Classified c = field.getAnnotation(Classified.class);
      if (c != null) {
        entries.put(field.getName(), new Entry(field.getName(), c.value(), c.mask()));
      }
    }
    return entries;
  }
}
