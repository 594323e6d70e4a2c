package io.huaxiang.core.privacy;

import java.util.Objects;
import java.util.Set;

/**
 * The masking rules for showing personal information to staff and writing it to logs.
 *
 * <p>Masks keep the length of the value (except {@link MaskKind#SECRET}) so a reader can still tell
 * an ID number from a phone number, and keep just enough characters to let a customer confirm "is
 * this my card ending 1234?". All rules work on Unicode code points, so rare name characters
 * outside the Basic Multilingual Plane are masked as one character.
 */
public final class Masking {

  /** The mask character. */
  public static final char MASK = '*';

  // Two-character surnames in use today; a name starting with one keeps both characters.
  private static final Set<String> COMPOUND_SURNAMES =
      Set.of(
          "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "令狐",
          "端木", "独孤", "南宫", "西门", "申屠", "澹台", "公冶", "呼延", "万俟", "司空", "闻人", "赫连", "钟离");

  private Masking() {}

  /** Masks {@code value} by the rule for {@code kind}; {@code null} stays {@code null}. */
  public static String mask(MaskKind kind, String value) {
    Objects.requireNonNull(kind, "kind");
    if (value == null) {
      return null;
    }
    return switch (kind) {
      case ID_NUMBER -> idNumber(value);
      case PHONE -> phone(value);
      case BANK_CARD -> bankCard(value);
      case NAME -> name(value);
      case GENERIC -> generic(value);
      case SECRET -> "******";
    };
  }

  /**
   * Resident ID number: first 1 and last 1 kept, {@code 110105199001011234 -> 1****************4}.
   */
  public static String idNumber(String value) {
    return keep(value, 1, 1);
  }

  /** Mobile number: first 3 and last 4 kept, {@code 13812345678 -> 138****5678}. */
  public static String phone(String value) {
    return keep(value, 3, 4);
  }

  /** Bank card number: first 6 and last 4 kept, {@code 6222021234567890 -> 622202******7890}. */
  public static String bankCard(String value) {
    return keep(value, 6, 4);
  }

  /**
   * Personal name: the surname kept and every other letter masked, {@code 张三 -> 张*}, {@code 欧阳娜娜 ->
   * 欧阳**}. Names written in Latin letters keep their first letter and the spaces between words.
   */
  public static String name(String value) {
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      return trimmed;
    }
    int first = trimmed.codePointAt(0);
    if (Character.isLetter(first)
        && Character.UnicodeScript.of(first) == Character.UnicodeScript.LATIN) {
      return maskLatinName(trimmed);
    }
    int surnameLength =
        trimmed.codePointCount(0, trimmed.length()) > 2
                && COMPOUND_SURNAMES.contains(prefixCodePoints(trimmed, 2))
            ? 2
            : 1;
    return keep(trimmed, surnameLength, 0);
  }

  /** Anything else: first and last character kept if at least 3 long, else fully masked. */
  public static String generic(String value) {
    int length = value.codePointCount(0, value.length());
    if (length < 3) {
      return String.valueOf(MASK).repeat(length);
    }
    return keep(value, 1, 1);
  }

  /**
   * Keeps the first {@code head} and last {@code tail} code points and masks the rest; a value too
   * short to hide anything that way is masked completely.
   */
  public static String keep(String value, int head, int tail) {
    Objects.requireNonNull(value, "value");
    if (head < 0 || tail < 0) {
      throw new IllegalArgumentException("head and tail must be >= 0: " + head + ", " + tail);
    }
    int[] cps = value.codePoints().toArray();
    if (cps.length <= head + tail) {
      return String.valueOf(MASK).repeat(cps.length);
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < cps.length; i++) {
      if (i < head || i >= cps.length - tail) {
        out.appendCodePoint(cps[i]);
      } else {
        out.append(MASK);
      }
    }
    return out.toString();
  }

  private static String prefixCodePoints(String value, int count) {
    return value.substring(0, value.offsetByCodePoints(0, count));
  }

  private static String maskLatinName(String value) {
    StringBuilder out = new StringBuilder(value.length());
    boolean keptFirst = false;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (Character.isLetter(cp) && !keptFirst) {
        out.appendCodePoint(cp);
        keptFirst = true;
      } else if (Character.isLetter(cp)) {
        out.append(MASK);
      } else {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
