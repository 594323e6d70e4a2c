package io.huaxiang.server.decision;

import com.fasterxml.jackson.databind.JsonNode;
import io.huaxiang.core.event.UserId;
import io.huaxiang.store.DecisionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compares champion and challenger on the applications both decided: each arm's approval rate and
 * average score over all of them, and for the approvals each arm acted on, the share of borrowers
 * now 30 or more days past due (the bad rate, once outcomes arrive).
 */
final class ChampionChallengerReport {
  private static final int PAGE = 2_000;
  private final DecisionService decisions;

  ChampionChallengerReport(DecisionService decisions) {
    this.decisions = decisions;
  }

  private static final class Tally {
    long decisions;
    long approvals;
    long scored;
    double scoreSum;
    long acted;
    long approvedActed;
    long bad;
  }

  StrategyController.Comparison compare(String product, Instant from, Instant to) {
    Map<String, Tally> arms = new LinkedHashMap<>();
    long applications = 0;
    long agreements = 0;
    Instant afterTime = null;
    UUID afterId = null;
    while (true) {
      List<DecisionRecord> page = decisions.store().page(from, to, afterTime, afterId, PAGE);
      for (DecisionRecord r : page) {
        afterTime = r.decidedAt();
        afterId = r.decisionId();
        if (r.shadow() == null || !r.productId().equals(product)) {
          continue;
        }
        applications++;
        JsonNode acted = tree(r.decision());
        JsonNode shadow = tree(r.shadow());
        if (acted.get("outcome").asText().equals(shadow.get("outcome").asText())) {
          agreements++;
        }
        count(arms, acted, true, r.userId());
        count(arms, shadow, false, r.userId());
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    List<StrategyController.ArmReport> out = new ArrayList<>();
    arms.forEach(
        (strategy, t) ->
            out.add(
                new StrategyController.ArmReport(
                    strategy,
                    t.decisions,
                    t.acted,
                    t.decisions == 0 ? 0 : (double) t.approvals / t.decisions,
                    t.scored == 0 ? 0 : t.scoreSum / t.scored,
                    t.approvedActed,
                    t.bad,
                    t.approvedActed == 0 ? null : (double) t.bad / t.approvedActed)));
    return new StrategyController.Comparison(product, from, to, applications, agreements, out);
  }

  private void count(Map<String, Tally> arms, JsonNode d, boolean acted, String user) {
    Tally t = arms.computeIfAbsent(d.get("strategy").asText(), k -> new Tally());
    t.decisions++;
    boolean approve = d.get("outcome").asText().equals("APPROVE");
    if (approve) {
      t.approvals++;
    }
    if (d.hasNonNull("score")) {
      t.scored++;
      t.scoreSum += d.get("score").asDouble();
    }
    if (acted) {
      t.acted++;
      if (approve) {
        t.approvedActed++;
        if (isBad(user)) {
          t.bad++;
        }
      }
    }
  }

  private boolean isBad(String user) {
    return decisions.portraitNumber(new UserId(user), "max_dpd_lifetime") >= 30;
  }

  private JsonNode tree(String json) {
    try {
      return decisions.json().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException("unreadable stored decision", e);
    }
  }
}
