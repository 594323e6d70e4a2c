package io.huaxiang.core.event;

/**
 * The text every input of Huaxiang accepts (event attributes, segment descriptions): at most
 * {@value #MAX_LENGTH} characters and none of the characters or sequences injection attempts need
 * and legitimate values do not: markup ({@code < >}), quotes that break out of SQL or HTML
 * attributes ({@code "} and a backtick), statement and comment separators ({@code ; -- /*}),
 * backslashes, control characters (PostgreSQL cannot even store NUL), and a single quote that
 * closes a string to continue as SQL: next to {@code =} ({@code '1'='1}) or followed by {@code or},
 * {@code and} or {@code union} ({@code x' or 1=1}).
 *
 * <p>SQL is always parameterised and the console escapes what it shows, so such values would be
 * harmless; this is a belt on top: refusing them keeps stored data clean and makes an attack
 * visible as a refusal. A single quote stays allowed (Xi'an, O'Brien) and so does {@code =} on its
 * own (base64 padding {@code aGk=}, {@code a=b}).
 */
public final class SafeText {
  /** Longest accepted text: every event text is an id, a code or a short name. */
  public static final int MAX_LENGTH = 256;

  /** What a refusal says is not allowed, for messages. */
  public static final String RULE =
      "at most "
          + MAX_LENGTH
          + " characters, none of < > \" ; \\ ` -- /* or control characters, and no quote that"
          + " closes a string before = or, and, union";

  /** A quote next to {@code =}, or a quote followed by a SQL boolean or set operator. */
  private static final java.util.regex.Pattern QUOTE_BREAKOUT =
      java.util.regex.Pattern.compile(
          "'\\s*=|=\\s*'|'\\s*(?:or|and|union)\\b",
          java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

  private SafeText() {}

  /** Whether {@code text} breaks the rule (too long or a refused character). */
  public static boolean refused(String text) {
    return refused(text, MAX_LENGTH);
  }

  /** Like {@link #refused(String)} with another length limit. */
  public static boolean refused(String text, int maxLength) {
    if (text.length() > maxLength) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<'
          || c == '>'
          || c == '"'
          || c == ';'
          || c == '\\'
          || c == '`'
          || Character.isISOControl(c)) {
        return true;
      }
    }
    return text.contains("--") || text.contains("/*") || QUOTE_BREAKOUT.matcher(text).find();
  }
}
