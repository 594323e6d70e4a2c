package io.huaxiang.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Splits expression source into tokens; keywords are case-insensitive, identifiers are not. */
final class Lexer {

  private static final Map<String, TokenKind> KEYWORDS =
      Map.of(
          "and", TokenKind.AND,
          "or", TokenKind.OR,
          "not", TokenKind.NOT,
          "between", TokenKind.BETWEEN,
          "in", TokenKind.IN,
          "is", TokenKind.IS,
          "null", TokenKind.NULL,
          "true", TokenKind.TRUE,
          "false", TokenKind.FALSE);

  private final String source;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private Lexer(String source) {
    this.source = source;
  }

  /** The tokens of {@code source}, ending with an EOF token. */
  static List<Token> tokenize(String source) {
    Lexer lexer = new Lexer(source);
    lexer.run();
    return lexer.tokens;
  }

  /** Whether {@code name} is a (possibly dotted) identifier that is not a keyword. */
  static boolean isIdentifier(String name) {
    try {
      List<Token> tokens = tokenize(name);
      return tokens.size() == 2
          && tokens.get(0).kind() == TokenKind.IDENTIFIER
          && tokens.get(0).text().equals(name);
    } catch (ExpressionException e) {
      return false;
    }
  }

  static boolean isKeyword(String word) {
    return KEYWORDS.containsKey(word.toLowerCase(Locale.ROOT));
  }

  private void run() {
    while (true) {
      while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
        pos++;
      }
      if (pos >= source.length()) {
        // End of input sits right after the last token, so an error there points at the line
        // the author was writing, not at a trailing blank line.
        int end = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
        tokens.add(new Token(TokenKind.EOF, "", end, end, null));
        return;
      }
      char c = source.charAt(pos);
      if (isIdentifierStart(c)) {
        identifier();
      } else if (isDigit(c) || (c == '.' && pos + 1 < source.length() && isDigit(peek(1)))) {
        number();
      } else if (c == '\'' || c == '"') {
        string(c);
      } else {
        operator(c);
      }
    }
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < source.length() ? source.charAt(i) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(char c) {
    return c == '_' || Character.isLetter(c);
  }

  private static boolean isIdentifierPart(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private void identifier() {
    int start = pos;
    while (true) {
      while (pos < source.length() && isIdentifierPart(source.charAt(pos))) {
        pos++;
      }
      if (peek(0) != '.') {
        break;
      }
      if (!isIdentifierStart(peek(1))) {
        throw error(
            pos + 1,
            1,
            describeChar(pos + 1),
            "a name part must follow '.' in '" + source.substring(start, pos + 1) + "'",
            "'.' 之后必须跟名称的下一部分：'" + source.substring(start, pos + 1) + "'");
      }
      pos++;
    }
    String text = source.substring(start, pos);
    TokenKind keyword = text.indexOf('.') < 0 ? KEYWORDS.get(text.toLowerCase(Locale.ROOT)) : null;
    tokens.add(new Token(keyword == null ? TokenKind.IDENTIFIER : keyword, text, start, pos, null));
  }

  private void number() {
    int start = pos;
    while (isDigit(peek(0))) {
      pos++;
    }
    if (peek(0) == '.' && isDigit(peek(1))) {
      pos++;
      while (isDigit(peek(0))) {
        pos++;
      }
    }
    if ((peek(0) == 'e' || peek(0) == 'E')
        && (isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && isDigit(peek(2))))) {
      pos += 2;
      while (isDigit(peek(0))) {
        pos++;
      }
    }
    if (isIdentifierPart(peek(0)) || peek(0) == '.') {
      while (isIdentifierPart(peek(0)) || peek(0) == '.') {
        pos++;
      }
      String text = source.substring(start, pos);
      throw error(
          start,
          pos - start,
          "'" + text + "'",
          "'" + text + "' is not a number; names must not start with a digit",
          "'" + text + "' 不是合法数字；名称不能以数字开头");
    }
    String text = source.substring(start, pos);
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw error(
          start,
          pos - start,
          "'" + text + "'",
          "number " + text + " is too large",
          "数字 " + text + " 超出范围");
    }
    tokens.add(new Token(TokenKind.NUMBER, text, start, pos, value));
  }

  private void string(char quote) {
    int start = pos;
    pos++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (pos >= source.length()) {
        throw error(
            start,
            pos - start,
            "end of input",
            "string starting here is not closed; add a closing " + quote,
            "从此处开始的字符串没有结束；请补上结尾的 " + quote);
      }
      char c = source.charAt(pos);
      if (c == quote && peek(1) == quote) {
        // SQL style: a doubled quote inside a string stands for one quote ('it''s').
        value.append(quote);
        pos += 2;
        continue;
      }
      if (c == quote) {
        pos++;
        break;
      }
      if (c == '\\') {
        value.append(escape(start));
        pos += 2;
      } else {
        value.append(c);
        pos++;
      }
    }
    tokens.add(
        new Token(TokenKind.STRING, source.substring(start, pos), start, pos, value.toString()));
  }

  private char escape(int stringStart) {
    char next = peek(1);
    return switch (next) {
      case '\\', '\'', '"' -> next;
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      default -> {
        if (pos + 1 >= source.length()) {
          throw error(
              stringStart,
              pos - stringStart + 1,
              "end of input",
              "string starting here is not closed; add a closing quote",
              "从此处开始的字符串没有结束；请补上结尾的引号");
        }
        throw error(
            pos,
            2,
            "'\\" + next + "'",
            "unknown escape '\\" + next + "' in string; use \\\\, \\', \\\", \\n, \\t or \\r",
            "字符串中的转义 '\\" + next + "' 无法识别；可用 \\\\、\\'、\\\"、\\n、\\t、\\r");
      }
    };
  }

  private void operator(char c) {
    char n = peek(1);
    switch (c) {
      case '(' -> add(TokenKind.LPAREN, 1);
      case ')' -> add(TokenKind.RPAREN, 1);
      case ',' -> add(TokenKind.COMMA, 1);
      case '+' -> add(TokenKind.PLUS, 1);
      case '-' -> add(TokenKind.MINUS, 1);
      case '*' -> add(TokenKind.STAR, 1);
      case '/' -> add(TokenKind.SLASH, 1);
      case '=' -> add(TokenKind.EQ, n == '=' ? 2 : 1);
      case '!' -> add(n == '=' ? TokenKind.NE : TokenKind.NOT, n == '=' ? 2 : 1);
      case '<' ->
          add(
              n == '=' ? TokenKind.LE : n == '>' ? TokenKind.NE : TokenKind.LT,
              n == '=' || n == '>' ? 2 : 1);
      case '>' -> add(n == '=' ? TokenKind.GE : TokenKind.GT, n == '=' ? 2 : 1);
      case '&', '|' -> {
        if (n == c) {
          add(c == '&' ? TokenKind.AND : TokenKind.OR, 2);
        } else {
          String word = c == '&' ? "and" : "or";
          throw error(
              pos,
              1,
              describeChar(pos),
              "single '" + c + "' is not an operator; write '" + word + "' or '" + c + c + "'",
              "单个 '" + c + "' 不是运算符；请写 '" + word + "' 或 '" + c + c + "'");
        }
      }
      default -> throw unexpectedCharacter(c);
    }
  }

  private ExpressionException unexpectedCharacter(char c) {
    String halfWidth = halfWidth(c);
    if (halfWidth != null) {
      // Chinese input methods type full-width punctuation; say which ASCII character was meant.
      return error(
          pos,
          1,
          describeChar(pos),
          "full-width character '" + c + "'; write the half-width '" + halfWidth + "' instead",
          "全角字符 '" + c + "'；请改用半角的 '" + halfWidth + "'（切换输入法到英文标点）");
    }
    return error(
        pos,
        Character.charCount(source.codePointAt(pos)),
        describeChar(pos),
        "unexpected character " + describeChar(pos),
        "无法识别的字符 " + describeChar(pos));
  }

  private static String halfWidth(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E') {
      return String.valueOf((char) (c - 0xFEE0));
    }
    return switch (c) {
      case '\u2018', '\u2019' -> "'";
      case '\u201C', '\u201D' -> "\"";
      case '\u3001' -> ",";
      default -> null;
    };
  }

  private void add(TokenKind kind, int length) {
    tokens.add(new Token(kind, source.substring(pos, pos + length), pos, pos + length, null));
    pos += length;
  }

  private String describeChar(int at) {
    if (at >= source.length()) {
      return "end of input";
    }
    int cp = source.codePointAt(at);
    if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
      return String.format("U+%04X", cp);
    }
    return "'" + new String(Character.toChars(cp)) + "'";
  }

  private ExpressionException error(int at, int length, String found, String en, String zh) {
    return new ExpressionException(
        ErrorKind.LEXICAL, source, at, length, found, List.of(), List.of(), en, zh);
  }
}
