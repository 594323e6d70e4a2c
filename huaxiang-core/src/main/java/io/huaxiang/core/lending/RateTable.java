package io.huaxiang.core.lending;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A published rate that changes on given dates, such as the one-year Loan Prime Rate: each entry
 * holds from its effective date until the next entry's.
 *
 * @param name what the rate is, e.g. {@code "1Y LPR"}
 * @param entries the entries, sorted by date, no two on the same date
 */
public record RateTable(String name, List<RateTable.Entry> entries) {

  /** A rate in force from {@code effectiveFrom} (inclusive). */
  public record Entry(LocalDate effectiveFrom, Rate rate) {
    public Entry {
      Objects.requireNonNull(effectiveFrom, "effectiveFrom");
      Objects.requireNonNull(rate, "rate");
    }
  }

  public RateTable {
    Objects.requireNonNull(name, "name");
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::effectiveFrom));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).effectiveFrom().equals(sorted.get(i - 1).effectiveFrom())) {
        throw new IllegalArgumentException(
            name + " has two entries for " + sorted.get(i).effectiveFrom());
      }
    }
    entries = List.copyOf(sorted);
  }

  /**
   * Parses lines of {@code yyyy-MM-dd,percent}, e.g. {@code 2025-05-20,3.00}; blank lines and lines
   * starting with {@code #} are skipped. For loading an updated table from configuration.
   */
  public static RateTable parse(String name, String text) {
    List<Entry> entries = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.split("\\R")) {
      lineNo++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split(",");
      try {
        if (parts.length != 2) {
          throw new IllegalArgumentException("expected 2 fields");
        }
        entries.add(new Entry(LocalDate.parse(parts[0].strip()), Rate.ofPercent(parts[1].strip())));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            name + " line " + lineNo + ": expected 'yyyy-MM-dd,percent', got '" + l + "'", e);
      }
    }
    return new RateTable(name, entries);
  }

  /** The rate in force on {@code date}, or empty before the first entry. */
  public Optional<Rate> rateOn(LocalDate date) {
    Objects.requireNonNull(date, "date");
    Rate found = null;
    for (Entry e : entries) {
      if (e.effectiveFrom().isAfter(date)) {
        break;
      }
      found = e.rate();
    }
    return Optional.ofNullable(found);
  }

  /** This table with one more entry. */
  public RateTable with(LocalDate effectiveFrom, Rate rate) {
    List<Entry> more = new ArrayList<>(entries);
    more.add(new Entry(effectiveFrom, rate));
    return new RateTable(name, more);
  }
}
