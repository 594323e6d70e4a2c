package io.huaxiang.server.decision;

import io.huaxiang.core.privacy.CheckDigits;
import java.time.LocalDate;

/** Applicants and their portraits for the decision API tests. */
final class Applicants {
  private Applicants() {}

  /** A valid resident ID number of someone born on {@code birth}. */
  static String idNumber(LocalDate birth, int seq) {
    String first17 =
        "330106"
            + birth.toString().replace("-", "")
            + String.format("%03d", Math.floorMod(seq, 1000));
    return first17 + CheckDigits.residentIdCheck(first17);
  }

  /** Registration plus consent to credit assessment and (optionally) to bureau queries. */
  static String portrait(String user, boolean creditConsent) {
    return "["
        + "{\"type\":\"user_registered\",\"id\":\""
        + user
        + "-r\",\"user_id\":\""
        + user
        + "\","
        + "\"occurred_at\":\"2026-01-01T10:00:00+08:00\",\"source\":\"app\",\"birth_date\":\"1994-05-17\","
        + "\"city\":\"杭州\",\"city_tier\":2},"
        + "{\"type\":\"consent_changed\",\"id\":\""
        + user
        + "-c1\",\"user_id\":\""
        + user
        + "\","
        + "\"occurred_at\":\"2026-01-01T10:01:00+08:00\",\"source\":\"app\",\"purpose\":\"credit_assessment\","
        + "\"granted\":"
        + creditConsent
        + ",\"notice_version\":\"v1\"},"
        + "{\"type\":\"consent_changed\",\"id\":\""
        + user
        + "-c2\",\"user_id\":\""
        + user
        + "\","
        + "\"occurred_at\":\"2026-01-01T10:01:00+08:00\",\"source\":\"app\",\"purpose\":\"credit_bureau_query\","
        + "\"granted\":true,\"notice_version\":\"v1\"}"
        + "]";
  }

  /** A phone number of the user's own (the same for every application of the user). */
  static String phone(String user) {
    return "139" + String.format("%08d", Math.floorMod(user.hashCode(), 100_000_000));
  }

  /** An application as the loan app sends it. */
  static String application(String request, String user, String amount, int term) {
    return application(
        request,
        user,
        amount,
        term,
        idNumber(LocalDate.of(1994, 5, 17), user.hashCode()),
        "consumption");
  }

  static String application(
      String request, String user, String amount, int term, String id, String product) {
    return "{\"request_id\":\""
        + request
        + "\",\"user_id\":\""
        + user
        + "\",\"product\":\""
        + product
        + "\","
        + "\"amount\":"
        + amount
        + ",\"term_months\":"
        + term
        + ",\"purpose\":\"consumption\","
        + "\"monthly_income\":12000,\"id_number\":\""
        + id
        + "\",\"phone\":\""
        + phone(user)
        + "\","
        + "\"bank_card\":\"6222021234567890128\",\"device_id\":\"dev-"
        + user
        + "\",\"ip\":\"10.1."
        + Math.floorMod(user.hashCode(), 250)
        + ".3\","
        + "\"city\":\"杭州\",\"channel\":\"app\"}";
  }
}
