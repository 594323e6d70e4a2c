package io.huaxiang.core.privacy;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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

  /**
   * A record's {@code toString()} with every C2 and C3 component masked by its rule, for records
   * that hold personal data: {@code Applicant[name=张*, idNumber=1****************X, channel=app]}.
   * Use it to override the generated {@code toString()}, which would print clear values.
   */
  public static String maskedToString(Record record) {
    Objects.requireNonNull(record, "record");
    Class<?> type = record.getClass();
    StringBuilder sb = new StringBuilder(type.getSimpleName()).append('[');
    RecordComponent[] components = type.getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      Object value = read(record, c.getAccessor());
      Classified classified = c.getAnnotation(Classified.class);
      String text = value == null ? "null" : value.toString();
      if (classified != null && classified.value().maskWhenShown() && value != null) {
        text =
            Masking.mask(
                classified.value() == DataClass.C3 ? MaskKind.SECRET : classified.mask(), text);
      }
      sb.append(i == 0 ? "" : ", ").append(c.getName()).append('=').append(text);
    }
    return sb.append(']').toString();
  }

  private static Object read(Record record, Method accessor) {
    try {
      accessor.trySetAccessible();
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(
          "cannot read " + accessor.getName() + " of " + record.getClass().getName(), e);
    }
  }
}
