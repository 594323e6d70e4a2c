package io.huaxiang.server.decision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.decision.Decision;
import io.huaxiang.core.decision.DecisionEngine;
import io.huaxiang.core.decision.Outcome;
import io.huaxiang.store.DecisionRecord;
import io.huaxiang.store.DecisionStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What-if: a strategy version run over the stored applications of its product in a period, on their
 * snapshots and without funding limits, compared with what was decided. A stored {@code DEFER}
 * counts as approved by the strategy (it qualified; only the day's funds were short).
 */
final class WhatIf {
  private static final int PAGE = 5_000;

  private WhatIf() {}

  /** Applications and approvals of one group (segment or band), before and after. */
  record Group(String key, long applications, long approvedBefore, long approvedAfter) {}

  /**
   * The comparison.
   *
   * @param truncated true when more than {@code limit} applications were in the period
   */
  record Report(
      String strategy,
      String product,
      Instant from,
      Instant to,
      double lgd,
      long applications,
      boolean truncated,
      long approvedBefore,
      long approvedAfter,
      double amountBefore,
      double amountAfter,
      double expectedLossBefore,
      double expectedLossAfter,
      Map<String, Long> changes,
      List<Group> bySegment,
      List<Group> byBand) {}

  static Report run(
      DecisionEngine engine,
      DecisionStore decisions,
      DecisionReplayer replayer,
      ObjectMapper json,
      Instant from,
      Instant to,
      double lgd,
      int limit) {
    String product = engine.product().id();
    Map<String, Long> changes = new TreeMap<>();
    Map<String, long[]> segments = new TreeMap<>();
    Map<String, long[]> bands = new TreeMap<>();
    long n = 0;
    long before = 0;
    long after = 0;
    double amountBefore = 0;
    double amountAfter = 0;
    double lossBefore = 0;
    double lossAfter = 0;
    boolean truncated = false;
    Instant afterTime = null;
    UUID afterId = null;
    while (!truncated) {
      List<DecisionRecord> page = decisions.page(from, to, afterTime, afterId, PAGE);
      for (DecisionRecord r : page) {
        if (!r.productId().equals(product)) {
          continue;
        }
        if (n == limit) {
          truncated = true;
          break;
        }
        n++;
        JsonNode stored = tree(json, r.decision());
        Decision d = replayer.decide(engine, r);
        String was = stored.path("outcome").asText();
        boolean wasApproved = was.equals("APPROVE") || was.equals("DEFER");
        boolean isApproved = d.outcome() == Outcome.APPROVE;
        changes.merge(was + " -> " + d.outcome(), 1L, Long::sum);
        add(segments, d.segment(), wasApproved, isApproved);
        add(bands, d.band(), wasApproved, isApproved);
        if (wasApproved) {
          before++;
          double amount = stored.path("approved_amount").asDouble();
          amountBefore += amount;
          lossBefore += stored.path("pd").asDouble(0) * amount * lgd;
        }
        if (isApproved) {
          after++;
          double amount = d.approvedAmount().doubleValue();
          amountAfter += amount;
          lossAfter += d.pd() * amount * lgd;
        }
      }
      if (page.size() < PAGE) {
        break;
      }
      afterTime = page.get(page.size() - 1).decidedAt();
      afterId = page.get(page.size() - 1).decisionId();
    }
    return new Report(
        engine.strategy().versionTag(),
        product,
        from,
        to,
        lgd,
        n,
        truncated,
        before,
        after,
        amountBefore,
        amountAfter,
        lossBefore,
        lossAfter,
        changes,
        groups(segments),
        groups(bands));
  }

  private static void add(
      Map<String, long[]> groups, String key, boolean wasApproved, boolean isApproved) {
    long[] g = groups.computeIfAbsent(key == null ? "(not scored)" : key, k -> new long[3]);
    g[0]++;
    g[1] += wasApproved ? 1 : 0;
    g[2] += isApproved ? 1 : 0;
  }

  private static List<Group> groups(Map<String, long[]> groups) {
    List<Group> out = new ArrayList<>();
    groups.forEach((k, g) -> out.add(new Group(k, g[0], g[1], g[2])));
    return out;
  }

  private static JsonNode tree(ObjectMapper json, String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable stored decision", e);
    }
  }
}
