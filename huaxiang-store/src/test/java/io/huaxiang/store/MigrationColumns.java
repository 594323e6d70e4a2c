package io.huaxiang.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the columns that Flyway migrations create ({@code create table} bodies and {@code alter
 * table ... add column}), as {@code table.column}, for the classification test.
 */
final class MigrationColumns {
  static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

  private static final Pattern CREATE =
      Pattern.compile(
          "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([\\w.]+)\\s*\\(",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ADD_COLUMN =
      Pattern.compile(
          "alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?([\\w.]+)\\s+((?:.|\\n)*?);",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ADD =
      Pattern.compile(
          "add\\s+(?:column\\s+)?(?:if\\s+not\\s+exists\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);
  private static final Set<String> NOT_COLUMNS =
      Set.of("primary", "unique", "constraint", "foreign", "check", "exclude", "like");

  private MigrationColumns() {}

  /** The columns of every {@code V*.sql} file under {@link #MIGRATIONS}, in file order. */
  static Set<String> ofMigrations() {
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      List<Path> sorted =
          files
              .filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
              .sorted()
              .toList();
      Set<String> columns = new LinkedHashSet<>();
      for (Path file : sorted) {
        columns.addAll(of(Files.readString(file)));
      }
      return columns;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migrations in " + MIGRATIONS.toAbsolutePath(), e);
    }
  }

  /** The columns one SQL script creates. */
  static Set<String> of(String sql) {
    String text = sql.replaceAll("--[^\\n]*", "");
    Set<String> columns = new LinkedHashSet<>();
    Matcher create = CREATE.matcher(text);
    while (create.find()) {
      String table = unqualified(create.group(1));
      for (String item : topLevelItems(text, create.end())) {
        String first = item.strip().split("\\s+")[0].toLowerCase(Locale.ROOT).replace("\"", "");
        if (!first.isEmpty() && !NOT_COLUMNS.contains(first)) {
          columns.add(table + "." + first);
        }
      }
    }
    Matcher alter = ADD_COLUMN.matcher(text);
    while (alter.find()) {
      String table = unqualified(alter.group(1));
      Matcher add = ADD.matcher(alter.group(2));
      while (add.find()) {
        String name = add.group(1).toLowerCase(Locale.ROOT);
        if (!NOT_COLUMNS.contains(name)) {
          columns.add(table + "." + name);
        }
      }
    }
    return columns;
  }

  /** The comma-separated items of a parenthesised list starting at {@code from}, up to its ')'. */
  private static List<String> topLevelItems(String text, int from) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    StringBuilder item = new StringBuilder();
    for (int i = from; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')' && depth-- == 0) {
        items.add(item.toString());
        return items;
      } else if (ch == ',' && depth == 0) {
        items.add(item.toString());
        item.setLength(0);
        continue;
      }
      item.append(ch);
    }
    throw new IllegalArgumentException("unbalanced parentheses in a create table statement");
  }

  private static String unqualified(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.substring(n.lastIndexOf('.') + 1);
  }
}
