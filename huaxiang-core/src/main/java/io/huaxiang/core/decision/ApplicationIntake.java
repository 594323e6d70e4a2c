package io.huaxiang.core.decision;

import io.huaxiang.core.event.LoanPurpose;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.identity.BankCardNumber;
import io.huaxiang.core.identity.InvalidIdentifierException;
import io.huaxiang.core.identity.PhoneNumber;
import io.huaxiang.core.identity.ResidentIdNumber;
import io.huaxiang.core.privacy.LogRedactor;
import io.huaxiang.core.privacy.LookupHash;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an {@link ApplicationForm} before any decision: required fields, the resident ID number
 * (18 digits, region, birth date, checksum), phone and bank card (Luhn) formats, legal age from the
 * ID, a known product, an amount and term the product offers. Identifiers leave here only as keyed
 * hashes and masked text.
 */
public final class ApplicationIntake {
  /** No credit to minors, whatever the strategy says. */
  public static final int LEGAL_AGE = 18;

  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");
  private static final int MAX_TEXT = 128;

  private final ProductCatalogue products;
  private final LookupHash hash;
  private final LendingPolicy policy;

  public ApplicationIntake(ProductCatalogue products, LookupHash hash, LendingPolicy policy) {
    this.products = products;
    this.hash = hash;
    this.policy = policy;
  }

  /**
   * The validated application received at {@code at}.
   *
   * @throws InvalidApplicationException with the reason and field at fault
   */
  public LoanApplication accept(ApplicationForm f, Instant at) {
    if (f == null) {
      throw bad("MISSING_FIELD", "", "the application is empty", "申请内容为空");
    }
    String requestId = required(f.requestId(), "request_id");
    if (!REQUEST_ID.matcher(requestId).matches()) {
      throw bad(
          "INVALID_VALUE",
          "request_id",
          "request_id must be 1-100 letters, digits or _ . : -",
          "request_id 须为1至100位字母、数字或 _ . : -");
    }
    String userId = required(f.userId(), "user_id");
    try {
      new UserId(userId);
    } catch (RuntimeException e) {
      throw bad("INVALID_VALUE", "user_id", "user_id is not a valid user id", "user_id 无效");
    }
    String productId = required(f.product(), "product");
    Product product =
        products
            .find(productId)
            .orElseThrow(
                () ->
                    policy(
                        "UNKNOWN_PRODUCT",
                        "product",
                        "unknown product '"
                            + LogRedactor.redact(clip(productId))
                            + "'; products: "
                            + products.products().stream().map(Product::id).toList(),
                        "未知产品"));
    BigDecimal amount = f.amount();
    if (amount == null) {
      throw bad("MISSING_FIELD", "amount", "amount is required", "缺少借款金额 amount");
    }
    if (amount.signum() <= 0) {
      throw policy(
          "AMOUNT_NOT_POSITIVE",
          "amount",
          "amount must be above 0, got " + amount.toPlainString(),
          "借款金额必须大于0");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw bad("INVALID_VALUE", "amount", "amount has at most 2 decimals (fen)", "金额最多保留两位小数");
    }
    if (amount.compareTo(product.minAmount()) < 0 || amount.compareTo(product.maxAmount()) > 0) {
      throw policy(
          "AMOUNT_OUT_OF_RANGE",
          "amount",
          "product '"
              + product.id()
              + "' lends CNY "
              + product.minAmount().toPlainString()
              + " to "
              + product.maxAmount().toPlainString()
              + ", asked for "
              + amount.toPlainString(),
          "产品可借金额为 "
              + product.minAmount().toPlainString()
              + " 至 "
              + product.maxAmount().toPlainString()
              + " 元");
    }
    Integer term = f.termMonths();
    if (term == null) {
      throw bad("MISSING_FIELD", "term_months", "term_months is required", "缺少期限 term_months");
    }
    if (!product.offersTerm(term)) {
      throw policy(
          "TERM_NOT_OFFERED",
          "term_months",
          "product '" + product.id() + "' offers terms " + product.terms() + ", asked for " + term,
          "产品可选期限为 " + product.terms() + " 个月");
    }
    LoanPurpose purpose = product.purpose();
    if (f.purpose() != null && !f.purpose().isBlank()) {
      try {
        purpose = LoanPurpose.valueOf(f.purpose().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw bad(
            "INVALID_VALUE",
            "purpose",
            "unknown purpose; use consumption, education, medical, small_credit or business",
            "未知的借款用途");
      }
    }
    BigDecimal income = f.monthlyIncome();
    if (income == null) {
      throw bad(
          "MISSING_FIELD", "monthly_income", "monthly_income is required", "缺少月收入 monthly_income");
    }
    if (income.signum() < 0 || income.compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
      throw bad(
          "INVALID_VALUE",
          "monthly_income",
          "monthly_income must be between 0 and 100,000,000",
          "月收入须在0至1亿元之间");
    }
    LocalDate today = ZonedDateTime.ofInstant(at, policy.zone()).toLocalDate();
    Map<IdentifierKind, String> hashes = new EnumMap<>(IdentifierKind.class);
    Map<IdentifierKind, String> masked = new EnumMap<>(IdentifierKind.class);
    ResidentIdNumber id;
    try {
      id = ResidentIdNumber.parse(required(f.idNumber(), "id_number"));
    } catch (InvalidIdentifierException e) {
      throw bad(e.reason().code(), "id_number", e.reason().en(), e.reason().zh());
    }
    int age = id.ageOn(today);
    if (id.birthDate().isAfter(today)) {
      throw bad(
          "ID_BIRTH_DATE",
          "id_number",
          "the birth date in the ID number is in the future",
          "身份证号中的出生日期晚于今天");
    }
    if (age < LEGAL_AGE) {
      throw policy(
          "UNDER_AGE",
          "id_number",
          "the applicant is " + age + "; no credit is offered under " + LEGAL_AGE,
          "申请人未满" + LEGAL_AGE + "周岁，不提供借款");
    }
    hashes.put(IdentifierKind.ID, hash.hash(IdentifierKind.ID.domain(), id.value()));
    masked.put(IdentifierKind.ID, id.masked());
    try {
      PhoneNumber phone = PhoneNumber.parse(required(f.phone(), "phone"));
      hashes.put(IdentifierKind.PHONE, hash.hash(IdentifierKind.PHONE.domain(), phone.value()));
      masked.put(IdentifierKind.PHONE, phone.masked());
    } catch (InvalidIdentifierException e) {
      throw bad(e.reason().code(), "phone", e.reason().en(), e.reason().zh());
    }
    if (f.bankCard() != null && !f.bankCard().isBlank()) {
      try {
        BankCardNumber card = BankCardNumber.parse(f.bankCard());
        hashes.put(IdentifierKind.CARD, hash.hash(IdentifierKind.CARD.domain(), card.value()));
        masked.put(IdentifierKind.CARD, card.masked());
      } catch (InvalidIdentifierException e) {
        throw bad(e.reason().code(), "bank_card", e.reason().en(), e.reason().zh());
      }
    }
    String device = optional(f.deviceId(), "device_id");
    if (device != null) {
      hashes.put(IdentifierKind.DEVICE, hash.hash(IdentifierKind.DEVICE.domain(), device));
    }
    String ip = optional(f.ip(), "ip");
    if (ip != null) {
      hashes.put(IdentifierKind.IP, hash.hash(IdentifierKind.IP.domain(), ip));
    }
    return new LoanApplication(
        requestId,
        userId,
        product.id(),
        amount.setScale(2, java.math.RoundingMode.UNNECESSARY),
        term,
        purpose,
        income.setScale(2, java.math.RoundingMode.HALF_UP),
        optional(f.city(), "city"),
        optional(f.channel(), "channel"),
        age,
        id.regionCode(),
        at,
        hashes,
        masked);
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw bad("MISSING_FIELD", field, field + " is required", "缺少必填字段 " + field);
    }
    if (value.length() > MAX_TEXT) {
      throw bad(
          "TOO_LONG",
          field,
          field + " is longer than " + MAX_TEXT + " characters",
          field + " 超过 " + MAX_TEXT + " 个字符");
    }
    return value.trim();
  }

  private static String optional(String value, String field) {
    return value == null || value.isBlank() ? null : required(value, field);
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static InvalidApplicationException bad(
      String reason, String field, String en, String zh) {
    return new InvalidApplicationException(reason, field, en, zh, false);
  }

  private static InvalidApplicationException policy(
      String reason, String field, String en, String zh) {
    return new InvalidApplicationException(reason, field, en, zh, true);
  }
}
