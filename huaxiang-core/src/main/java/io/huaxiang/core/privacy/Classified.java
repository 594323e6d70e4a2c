package io.huaxiang.core.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component, field or accessor as personal information of a given {@link DataClass},
 * so encryption, masking and data maps can be derived from the code rather than from a spreadsheet.
 *
 * <pre>{@code
 * record Applicant(
 *     @Classified(value = DataClass.C2, mask = MaskKind.NAME) String name,
 *     @Classified(value = DataClass.C2, mask = MaskKind.PHONE) String phone,
 *     @Classified(DataClass.C1) String channel) {}
 * }</pre>
 *
 * <p>Read it with {@link Classification#of(Class)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER
})
public @interface Classified {
  /** The sensitivity class. */
  DataClass value();

  /** How to mask the value when it is shown or logged. */
  MaskKind mask() default MaskKind.GENERIC;

  /**
   * Whether the value identifies a person or their things (phone, bank card, device, IP): such a
   * value is stored encrypted and replaced by a keyed lookup hash wherever it is only compared.
   */
  boolean identifier() default false;
}
