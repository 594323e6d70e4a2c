package io.huaxiang.core.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything a decision reads besides the application, captured as a snapshot so a stored decision
 * can be re-run: the portrait features the strategy uses, the user's tags, list hits, velocity
 * counts, the credit already committed to the borrower, which dependencies were down, and the
 * decision time.
 *
 * @param features portrait feature values by name (numbers, text, true/false; absent = missing)
 * @param tags the portrait's tags
 * @param listHits the lists any of the applicant's identifiers is on
 * @param velocity velocity counts by variable name (see {@link Velocity})
 * @param committed credit already committed to the borrower over all products, CNY
 * @param unavailable dependencies that could not be read; the engine then never approves
 * @param decidedAt the decision time
 * @param borrowerCap the per-borrower cap in force, or null for the policy's
 * @param aprCapPercent the APR cap of the product on the decision day, or null to compute it
 */
public record DecisionInputs(
    Map<String, Object> features,
    Set<String> tags,
    Set<ListKind> listHits,
    Map<String, Long> velocity,
    BigDecimal committed,
    Set<Dependency> unavailable,
    Instant decidedAt,
    BigDecimal borrowerCap,
    BigDecimal aprCapPercent) {

  /** Inputs taking the caps from the policy at decision time. */
  public DecisionInputs(
      Map<String, Object> features,
      Set<String> tags,
      Set<ListKind> listHits,
      Map<String, Long> velocity,
      BigDecimal committed,
      Set<Dependency> unavailable,
      Instant decidedAt) {
    this(features, tags, listHits, velocity, committed, unavailable, decidedAt, null, null);
  }

  /** The same inputs with the caps in force recorded, so a replay uses them even if they change. */
  public DecisionInputs withCaps(BigDecimal borrower, BigDecimal aprPercent) {
    return new DecisionInputs(
        features,
        tags,
        listHits,
        velocity,
        committed,
        unavailable,
        decidedAt,
        borrower,
        aprPercent);
  }

  public DecisionInputs {
    // sorted copies: the snapshot serialises the same way every time
    features = features == null ? Map.of() : new TreeMap<>(withoutNulls(features));
    tags = tags == null ? Set.of() : new TreeSet<>(tags);
    listHits = listHits == null ? Set.of() : new TreeSet<>(listHits);
    velocity = velocity == null ? Map.of() : new TreeMap<>(velocity);
    committed = committed == null ? BigDecimal.ZERO : committed;
    unavailable = unavailable == null ? Set.of() : new TreeSet<>(unavailable);
    Objects.requireNonNull(decidedAt, "decidedAt");
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> in) {
    Map<String, Object> out = new TreeMap<>();
    in.forEach(
        (k, v) -> {
          if (v != null && !(v instanceof Double d && d.isNaN())) {
            out.put(k, v);
          }
        });
    return out;
  }
}
