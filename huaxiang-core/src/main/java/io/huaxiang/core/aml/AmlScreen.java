package io.huaxiang.core.aml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Screens a batch of transactions: groups them by customer, orders them by time and replays. */
public final class AmlScreen {

  private AmlScreen() {}

  /**
   * All findings for {@code transactions}, which may come in any order: customers in id order, each
   * customer's findings in time order, so the result does not depend on the input order. Gives the
   * same findings as feeding each customer's transactions, sorted by time then id, to a {@link
   * CustomerAmlState}.
   */
  public static List<AmlFinding> scan(List<AmlTransaction> transactions, AmlThresholds thresholds) {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(thresholds, "thresholds");
    Map<String, List<AmlTransaction>> byCustomer = new TreeMap<>();
    for (AmlTransaction tx : transactions) {
      byCustomer.computeIfAbsent(tx.customerId(), c -> new ArrayList<>()).add(tx);
    }
    List<AmlFinding> findings = new ArrayList<>();
    byCustomer.forEach(
        (customer, txs) -> {
          txs.sort(Comparator.comparing(AmlTransaction::at).thenComparing(AmlTransaction::id));
          CustomerAmlState state = CustomerAmlState.empty(customer, thresholds);
          for (AmlTransaction tx : txs) {
            CustomerAmlState.Step step = state.accept(tx);
            findings.addAll(step.findings());
            state = step.state();
          }
        });
    return findings;
  }
}
