package io.huaxiang.core.identity;

import io.huaxiang.core.privacy.CheckDigits;
import io.huaxiang.core.privacy.Masking;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A PRC 18-digit resident identity card number (GB 11643-1999): 6-digit region code, 8-digit birth
 * date, 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character
 * ({@code 0}–{@code 9} or {@code X}).
 *
 * <p>{@link #parse} accepts surrounding spaces and a lower-case {@code x}; {@link #value()} is the
 * normalised form (upper-case {@code X}) to store, encrypt and hash. {@link #toString()} is masked.
 * The birth date must be on or after 1800-01-01 (the standard's own example is born in 1880);
 * whether it lies in the future can only be judged with a date, see {@link #ageOn(LocalDate)}.
 */
public final class ResidentIdNumber {

  // First two digits: provinces, autonomous regions, municipalities, Taiwan (71),
  // Hong Kong (81), Macao (82) and residence permits for Taiwan residents (83).
  private static final Set<String> PROVINCES =
      Set.of(
          "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65", "71", "81", "82", "83", "91");
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1800, 1, 1);

  private final String value;
  private final LocalDate birthDate;

  private ResidentIdNumber(String value, LocalDate birthDate) {
    this.value = value;
    this.birthDate = birthDate;
  }

  /**
   * Parses and validates a resident ID number.
   *
   * @throws InvalidIdentifierException with reason {@code ID_MISSING}, {@code ID_FORMAT}, {@code
   *     ID_REGION}, {@code ID_BIRTH_DATE} or {@code ID_CHECKSUM}
   */
  public static ResidentIdNumber parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidIdentifierException(IdentifierReason.ID_MISSING, null);
    }
    String v = text.strip().toUpperCase(Locale.ROOT);
    if (!v.matches("\\d{17}[0-9X]")) {
      throw new InvalidIdentifierException(
          IdentifierReason.ID_FORMAT, "got " + v.length() + " characters");
    }
    if (!PROVINCES.contains(v.substring(0, 2))) {
      throw new InvalidIdentifierException(
          IdentifierReason.ID_REGION, "province code " + v.substring(0, 2) + " does not exist");
    }
    LocalDate birth = birthDate(v);
    char expected = CheckDigits.residentIdCheck(v.substring(0, 17));
    if (expected != v.charAt(17)) {
      throw new InvalidIdentifierException(IdentifierReason.ID_CHECKSUM, Masking.idNumber(v));
    }
    return new ResidentIdNumber(v, birth);
  }

  /** Whether {@code text} parses. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidIdentifierException e) {
      return false;
    }
  }

  private static LocalDate birthDate(String v) {
    LocalDate date;
    try {
      date =
          LocalDate.of(
              Integer.parseInt(v.substring(6, 10)),
              Integer.parseInt(v.substring(10, 12)),
              Integer.parseInt(v.substring(12, 14)));
    } catch (DateTimeException e) {
      throw new InvalidIdentifierException(
          IdentifierReason.ID_BIRTH_DATE, "no such date " + v.substring(6, 14));
    }
    if (date.isBefore(EARLIEST_BIRTH)) {
      throw new InvalidIdentifierException(
          IdentifierReason.ID_BIRTH_DATE, "before " + EARLIEST_BIRTH);
    }
    return date;
  }

  /** The normalised number: 17 digits and a digit or upper-case {@code X}. */
  public String value() {
    return value;
  }

  /** The 6-digit administrative region code where the number was first issued. */
  public String regionCode() {
    return value.substring(0, 6);
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  /** From the 17th digit: odd is male, even is female. */
  public Gender gender() {
    return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
  }

  /**
   * Age in completed years on {@code date}, as {@link Period} counts it: someone born on 29
   * February turns a year older on 1 March in common years.
   *
   * @throws IllegalArgumentException if {@code date} is before the birth date
   */
  public int ageOn(LocalDate date) {
    Objects.requireNonNull(date, "date");
    if (date.isBefore(birthDate)) {
      throw new IllegalArgumentException(
          "date " + date + " is before the birth date in the ID number");
    }
    return Period.between(birthDate, date).getYears();
  }

  /** The masked form, {@code 1****************2}. */
  public String masked() {
    return Masking.idNumber(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResidentIdNumber other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Masked, never the clear number. */
  @Override
  public String toString() {
    return masked();
  }
}
