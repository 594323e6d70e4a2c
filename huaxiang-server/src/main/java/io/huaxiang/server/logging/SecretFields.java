package io.huaxiang.server.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the values of fields named like authentication data (C3) in log text: {@code
 * "password":"hunter2"} becomes {@code "password":"******"}, {@code pin=4321} becomes {@code
 * pin=******}. Such fields are refused at ingestion, but a refused request body is still quoted by
 * Spring MVC's debug log; a secret has no shape {@code LogRedactor} could recognise, only a name.
 */
public final class SecretFields {
  /** The names {@code EventJson} refuses as C3, plus common spellings. */
  private static final Pattern FIELD =
      Pattern.compile(
          "(?i)([\"']?)\\b(password|passwd|pwd|pin|cvn|cvv2?|card_expiry|expiry|otp|sms_code"
              + "|secret)\\b\\1(\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^\\s,;&}\\]]+)");

  private static final String MASK = "******";

  private SecretFields() {}

  /** The text with every secret field's value replaced by {@code ******}. */
  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher m = FIELD.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    do {
      String value = m.group(4);
      String masked =
          value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
              ? "\"" + MASK + "\""
              : value.startsWith("'") && value.endsWith("'") && value.length() > 1
                  ? "'" + MASK + "'"
                  : MASK;
      m.appendReplacement(
          sb, Matcher.quoteReplacement(m.group(1) + m.group(2) + m.group(1) + m.group(3) + masked));
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }
}
