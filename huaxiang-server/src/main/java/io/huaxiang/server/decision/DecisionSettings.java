package io.huaxiang.server.decision;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Decisioning settings ({@code huaxiang.decision.*}).
 *
 * @param hardAprCapPercent the APR no offer may exceed, whatever the product (default 24)
 * @param borrowerCap the most credit one borrower may hold over all products, CNY (default 200,000)
 * @param forbiddenFeatures features no strategy may read (default gender, marital_status,
 *     consent_marketing)
 * @param lookupKeyFile the key of the keyed hashes of identifiers (created when missing); kept
 *     outside the database. Default {@code <data-dir>/keys/lookup.key}
 * @param productsFile a product catalogue YAML replacing the sample one
 * @param reviewSla how soon a borrower's request for human review must be handled (default 48h)
 * @param referredSla how soon an application referred by the strategy must be reviewed (24h)
 * @param demandRefresh how often throttling by demand re-reads what is left of a day's budget (5s)
 * @param approvalValidity how long an approval holds the borrower's credit undrawn (30 days)
 */
@ConfigurationProperties(prefix = "huaxiang.decision")
public record DecisionSettings(
    BigDecimal hardAprCapPercent,
    BigDecimal borrowerCap,
    List<String> forbiddenFeatures,
    Path lookupKeyFile,
    Path productsFile,
    Duration reviewSla,
    Duration referredSla,
    Duration demandRefresh,
    Duration approvalValidity) {

  public DecisionSettings {
    hardAprCapPercent = hardAprCapPercent == null ? BigDecimal.valueOf(24) : hardAprCapPercent;
    borrowerCap = borrowerCap == null ? BigDecimal.valueOf(200_000) : borrowerCap;
    forbiddenFeatures =
        forbiddenFeatures == null || forbiddenFeatures.isEmpty()
            ? List.of("gender", "marital_status", "consent_marketing")
            : List.copyOf(forbiddenFeatures);
    reviewSla = reviewSla == null ? Duration.ofHours(48) : reviewSla;
    referredSla = referredSla == null ? Duration.ofHours(24) : referredSla;
    demandRefresh = demandRefresh == null ? Duration.ofSeconds(5) : demandRefresh;
    approvalValidity = approvalValidity == null ? Duration.ofDays(30) : approvalValidity;
  }
}
