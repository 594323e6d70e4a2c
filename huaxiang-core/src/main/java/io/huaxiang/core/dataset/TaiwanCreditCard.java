package io.huaxiang.core.dataset;

import io.huaxiang.core.event.Education;
import io.huaxiang.core.event.EventId;
import io.huaxiang.core.event.Gender;
import io.huaxiang.core.event.LoanDisbursed;
import io.huaxiang.core.event.LoanId;
import io.huaxiang.core.event.MaritalStatus;
import io.huaxiang.core.event.RepaymentDue;
import io.huaxiang.core.event.RepaymentMade;
import io.huaxiang.core.event.RepaymentMode;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.event.UserRegistered;
import io.huaxiang.core.lending.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Imports the UCI Taiwan credit-card dataset ({@code UCI_Credit_Card.csv}) as Huaxiang events: one
 * registration, one revolving card line and its six monthly statements per client.
 *
 * <p>The mapping is specified in docs/taiwan-import.md; in short, a status of k months late in
 * month m says the bill of month m−k is still unpaid, so that month's payment is booked against
 * that bill, paid {@code 30·k} days after its due date, and the portrait's days past due reflect
 * the {@code PAY_} status. The label {@code Y} is not turned into an event: it is what a model
 * predicts.
 */
public final class TaiwanCreditCard {
  /** The {@code source} of every imported event. */
  public static final String SOURCE = "uci-taiwan";

  /** The header the file must start with (UCI's original column names). */
  public static final String HEADER =
      "ID,X1,X2,X3,X4,X5,X6,X7,X8,X9,X10,X11,X12,X13,X14,X15,X16,X17,X18,X19,X20,X21,X22,X23,Y";

  /** When every account is taken to open: the first day of the first statement month. */
  public static final LocalDate OPENED = LocalDate.of(2005, 4, 1);

  /** The day of the month each statement falls due (assumed; the data has months only). */
  public static final int DUE_DAY = 15;

  /** Days counted per month of delay, so a status of k months shows as 30·k days past due. */
  public static final int DAYS_PER_MONTH_LATE = 30;

  /** Taiwan's offset (UTC+8, no daylight saving in 2005), the same as China Standard Time. */
  static final ZoneOffset TAIPEI = ZoneOffset.ofHours(8);

  private static final YearMonth LAST_MONTH = YearMonth.of(2005, 9);
  private static final int COLUMNS = 25;
  private static final String[] NAMES = HEADER.split(",");
  private static final String[] MEANINGS = {
    "ID",
    "LIMIT_BAL",
    "SEX",
    "EDUCATION",
    "MARRIAGE",
    "AGE",
    "PAY_0",
    "PAY_2",
    "PAY_3",
    "PAY_4",
    "PAY_5",
    "PAY_6",
    "BILL_AMT1",
    "BILL_AMT2",
    "BILL_AMT3",
    "BILL_AMT4",
    "BILL_AMT5",
    "BILL_AMT6",
    "PAY_AMT1",
    "PAY_AMT2",
    "PAY_AMT3",
    "PAY_AMT4",
    "PAY_AMT5",
    "PAY_AMT6",
    "default"
  };

  private TaiwanCreditCard() {}

  /** The user id of a client: {@code tw-<ID>}. */
  public static UserId userId(long id) {
    return new UserId("tw-" + id);
  }

  /** The loan id of a client's card line: {@code tw-<ID>-card}. */
  public static LoanId loanId(long id) {
    return new LoanId("tw-" + id + "-card");
  }

  /** The date a statement month falls due. */
  public static LocalDate dueDate(YearMonth month) {
    return month.atDay(DUE_DAY);
  }

  /**
   * Parses one data line; {@code lineNumber} is only used in the error message.
   *
   * @throws MalformedRowException naming the line, column and reason when the row is not a valid
   *     UCI row
   */
  public static TaiwanRow parse(String line, long lineNumber) {
    if (line == null || line.isBlank()) {
      throw new MalformedRowException(lineNumber, "empty line");
    }
    String[] cells = line.strip().split(",", -1);
    if (cells.length != COLUMNS) {
      throw new MalformedRowException(
          lineNumber, "expected " + COLUMNS + " comma-separated columns, got " + cells.length);
    }
    long[] v = new long[COLUMNS];
    for (int c = 0; c < COLUMNS; c++) {
      v[c] = number(cells[c], c, lineNumber);
    }
    check(v, 0, 1, Long.MAX_VALUE, lineNumber);
    check(v, 1, 1, Long.MAX_VALUE, lineNumber);
    check(v, 2, 1, 2, lineNumber);
    check(v, 3, 0, 6, lineNumber);
    check(v, 4, 0, 3, lineNumber);
    check(v, 5, 18, 120, lineNumber);
    List<TaiwanStatement> statements = new ArrayList<>(6);
    // columns run September first (X6, X12, X18) back to April (X11, X17, X23)
    for (int back = 5; back >= 0; back--) {
      check(v, 6 + back, -2, 9, lineNumber);
      check(v, 18 + back, 0, Long.MAX_VALUE, lineNumber);
      statements.add(
          new TaiwanStatement(
              LAST_MONTH.minusMonths(back), (int) v[6 + back], v[12 + back], v[18 + back]));
    }
    check(v, 24, 0, 1, lineNumber);
    return new TaiwanRow(
        v[0], v[1], (int) v[2], (int) v[3], (int) v[4], (int) v[5], statements, (int) v[24]);
  }

  /** The events of one client, in event-time order (then by id). */
  public static List<UserEvent> events(TaiwanRow row) {
    UserId user = userId(row.id());
    String prefix = "tw-" + row.id() + "-";
    Instant registered = at(OPENED, LocalTime.MIDNIGHT);
    Instant opened = at(OPENED, LocalTime.of(9, 0));
    List<UserEvent> out = new ArrayList<>(14);
    out.add(
        new UserRegistered(
            new EventId(prefix + "registered"),
            user,
            registered,
            SOURCE,
            OPENED.minusYears(row.age()),
            gender(row.sex()),
            null,
            null,
            education(row.education()),
            null,
            null,
            maritalStatus(row.marriage()),
            null));
    out.add(
        new LoanDisbursed(
            new EventId(prefix + "card-opened"),
            user,
            opened,
            SOURCE,
            loanId(row.id()),
            null,
            Money.of(row.creditLimit()),
            BigDecimal.ZERO,
            row.statements().size(),
            RepaymentMode.ON_DEMAND));
    for (TaiwanStatement s : row.statements()) {
      statementEvents(row.id(), s, out);
    }
    out.sort(Comparator.comparing(UserEvent::occurredAt).thenComparing(e -> e.id().value()));
    return out;
  }

  /**
   * Streams the events of a whole file, given as its lines (e.g. {@code Files.lines(path)} or
   * {@code reader.lines()} in the caller, so the core does no I/O): checks the header, then parses
   * lazily, so 30,000 clients need no more memory than one. Blank lines are skipped; closing the
   * returned stream closes {@code lines}.
   *
   * @throws MalformedRowException for a wrong header at once, for a malformed row when the stream
   *     reaches it
   */
  public static Stream<UserEvent> read(Stream<String> lines) {
    return rows(lines).flatMap(row -> events(row).stream());
  }

  /** Streams the parsed rows of a whole file, checking the header first; see {@link #read}. */
  public static Stream<TaiwanRow> rows(Stream<String> lines) {
    Iterator<String> it = lines.iterator();
    String header = it.hasNext() ? it.next() : null;
    if (header == null || !header.replace("\uFEFF", "").strip().equals(HEADER)) {
      throw new MalformedRowException(
          1, "expected the UCI header '" + HEADER + "', got '" + header + "'");
    }
    AtomicLong lineNumber = new AtomicLong(1);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
        .onClose(lines::close)
        .map(text -> new Line(lineNumber.incrementAndGet(), text))
        .filter(line -> !line.text().isBlank())
        .map(line -> parse(line.text(), line.number()));
  }

  private record Line(long number, String text) {}

  /**
   * A statement month's events. Status k means the oldest bill still unpaid in month m is the bill
   * of month m−k, so the month's payment (or, with nothing paid, the unpaid bill) is booked against
   * that bill's instalment; a payment is dated 30·k days after that instalment's due date.
   */
  private static void statementEvents(long id, TaiwanStatement s, List<UserEvent> out) {
    UserId user = userId(id);
    String suffix = "-" + s.month();
    LocalDate due = dueDate(s.month().minusMonths(s.monthsLate()));
    // the statement is known from the start of its month, before the payment made in it
    Instant observed = at(s.month().atDay(1), LocalTime.NOON);
    if (s.paid() > 0) {
      Money paid = Money.of(s.paid());
      LocalDate paidOn = due.plusDays((long) DAYS_PER_MONTH_LATE * s.monthsLate());
      out.add(
          new RepaymentDue(
              new EventId("tw-" + id + "-due" + suffix),
              user,
              observed,
              SOURCE,
              loanId(id),
              due,
              paid));
      out.add(
          new RepaymentMade(
              new EventId("tw-" + id + "-paid" + suffix),
              user,
              at(paidOn, LocalTime.NOON),
              SOURCE,
              loanId(id),
              due,
              paidOn,
              paid));
    } else if (s.monthsLate() > 0 && s.bill() > 0) {
      // late and nothing paid: the bill stays due and unpaid; no payment is invented
      out.add(
          new RepaymentDue(
              new EventId("tw-" + id + "-due" + suffix),
              user,
              observed,
              SOURCE,
              loanId(id),
              due,
              Money.of(s.bill())));
    }
  }

  static Gender gender(int sex) {
    return sex == 1 ? Gender.MALE : Gender.FEMALE;
  }

  static Education education(int code) {
    return switch (code) {
      case 1 -> Education.GRADUATE;
      case 2 -> Education.UNIVERSITY;
      case 3 -> Education.HIGH_SCHOOL;
      case 4 -> Education.OTHER;
      default -> Education.UNKNOWN;
    };
  }

  static MaritalStatus maritalStatus(int code) {
    return switch (code) {
      case 1 -> MaritalStatus.MARRIED;
      case 2 -> MaritalStatus.SINGLE;
      case 3 -> MaritalStatus.OTHER;
      default -> MaritalStatus.UNKNOWN;
    };
  }

  private static Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).toInstant(TAIPEI);
  }

  /** Reads a whole number; spreadsheet exports write some limits as {@code 5.00E+05}. */
  private static long number(String cell, int column, long lineNumber) {
    String text = cell.strip();
    try {
      return new BigDecimal(text).longValueExact();
    } catch (NumberFormatException e) {
      throw new MalformedRowException(
          lineNumber, column(column) + ": '" + text + "' is not a number");
    } catch (ArithmeticException e) {
      throw new MalformedRowException(
          lineNumber, column(column) + ": '" + text + "' is not a whole number");
    }
  }

  private static void check(long[] v, int column, long min, long max, long lineNumber) {
    if (v[column] < min || v[column] > max) {
      String range = max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
      throw new MalformedRowException(
          lineNumber, column(column) + " must be " + range + ", got " + v[column]);
    }
  }

  private static String column(int c) {
    return "column " + NAMES[c] + " (" + MEANINGS[c] + ")";
  }
}
