package io.huaxiang.core.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and masks resident ID numbers, mainland mobile numbers and bank card numbers in free text,
 * for log layouts (so personal information never reaches log files) and for tests that scan logs.
 *
 * <p>What it finds:
 *
 * <ul>
 *   <li>ID numbers: 18 characters (17 digits and a digit or {@code X}) with a plausible birth date
 *       and a valid ISO 7064 check character;
 *   <li>bank cards: Luhn-valid runs of 16–19 digits starting with 2–6 or 9 (the bank card
 *       industries of ISO/IEC 7812: UnionPay 62, Visa 4, Mastercard 2 and 5, JCB and Amex 3, old
 *       domestic 9), plain or in groups of four separated by one space or hyphen. Runs starting
 *       with 1 are left alone: they are mostly snowflake ids and millisecond clocks, and a tenth of
 *       them pass Luhn by chance;
 *   <li>mobile numbers: {@code 1[3-9]} and 9 more digits, optionally with {@code +86}/{@code 86}
 *       and single spaces or hyphens as in {@code 138 1234 5678}.
 * </ul>
 *
 * A candidate must not touch other digits (an 11-digit run inside a 20-digit order number is not a
 * phone). Old 15-digit ID numbers and card numbers shorter than 16 digits are not detected, as
 * their patterns match too many ordinary numbers. Thread-safe and allocation-free for text with
 * fewer than 11 digits.
 */
public final class LogRedactor {

  /** One piece of personal information found in a text, as a half-open character range. */
  public record Finding(MaskKind kind, int start, int end) {}

  private static final Pattern ID =
      Pattern.compile(
          "(?<!\\d)[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?!\\d)");
  private static final Pattern CARD_PLAIN = Pattern.compile("(?<!\\d)[2-69]\\d{15,18}(?!\\d)");
  private static final Pattern CARD_GROUPED =
      Pattern.compile("(?<!\\d)[2-69]\\d{3}([ -])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{1,3})?(?!\\d)");
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\d+])((?:\\+|00)?86[ -]?)?(1[3-9]\\d)[ -]?(\\d{4})[ -]?(\\d{4})(?!\\d)");

  private LogRedactor() {}

  /** The text with every finding replaced by its mask. */
  public static String redact(CharSequence text) {
    if (text == null) {
      return null;
    }
    List<Finding> findings = find(text);
    if (findings.isEmpty()) {
      return text.toString();
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Finding f : findings) {
      out.append(text, at, f.start());
      out.append(maskOf(f, text.subSequence(f.start(), f.end()).toString()));
      at = f.end();
    }
    out.append(text, at, text.length());
    return out.toString();
  }

  /** Whether the text holds any ID number, mobile number or bank card number. */
  public static boolean containsPersonalData(CharSequence text) {
    return text != null && !find(text).isEmpty();
  }

  /** Every finding, in text order, without overlaps. */
  public static List<Finding> find(CharSequence text) {
    if (text == null || countDigits(text) < 11) {
      return List.of();
    }
    List<Finding> found = new ArrayList<>();
    Matcher m = ID.matcher(text);
    while (m.find()) {
      if (CheckDigits.residentIdValid(m.group())) {
        found.add(new Finding(MaskKind.ID_NUMBER, m.start(), m.end()));
      }
    }
    for (Pattern p : List.of(CARD_PLAIN, CARD_GROUPED)) {
      m = p.matcher(text);
      while (m.find()) {
        if (CheckDigits.luhnValid(digitsOf(m.group()))) {
          addIfFree(found, new Finding(MaskKind.BANK_CARD, m.start(), m.end()));
        }
      }
    }
    m = PHONE.matcher(text);
    while (m.find()) {
      addIfFree(found, new Finding(MaskKind.PHONE, m.start(), m.end()));
    }
    found.sort(Comparator.comparingInt(Finding::start));
    return List.copyOf(found);
  }

  private static String maskOf(Finding f, String matched) {
    return switch (f.kind()) {
      case ID_NUMBER -> Masking.idNumber(matched);
      case BANK_CARD -> Masking.bankCard(digitsOf(matched));
      case PHONE -> {
        String digits = digitsOf(matched);
        String local = digits.substring(digits.length() - 11);
        String prefix = matched.startsWith("+") ? "+86 " : digits.length() > 11 ? "86 " : "";
        yield prefix + Masking.phone(local);
      }
      default -> Masking.generic(matched);
    };
  }

  private static void addIfFree(List<Finding> found, Finding candidate) {
    for (Finding f : found) {
      if (candidate.start() < f.end() && f.start() < candidate.end()) {
        return;
      }
    }
    found.add(candidate);
  }

  private static String digitsOf(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static int countDigits(CharSequence text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        n++;
      }
    }
    return n;
  }
}
