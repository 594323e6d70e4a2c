package io.huaxiang.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.decision.Decision;
import io.huaxiang.core.decision.DecisionEngine;
import io.huaxiang.core.decision.DecisionInputs;
import io.huaxiang.core.decision.DefinitionException;
import io.huaxiang.core.decision.LoanApplication;
import io.huaxiang.core.decision.Outcome;
import io.huaxiang.core.decision.Strategy;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.store.PastApplication;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What-if: runs a candidate strategy over the stored applications of a period (their snapshots,
 * without funding limits) and compares it with what was decided: approval rate, approved amount,
 * expected loss (Σ PD × amount × LGD) and the changes by segment and band.
 */
@Command(
    name = "simulate",
    description = "Run a candidate strategy over past applications and compare. / 用候选策略回放历史申请并对比。",
    mixinStandardHelpOptions = true)
final class DecisionSimulateCommand implements Callable<Integer> {
  private static final int BATCH = 2_000;
  @Spec CommandSpec spec;
  @Mixin DbOptions db;

  @Option(names = "--strategy", required = true, description = "The candidate strategy YAML.")
  Path strategy;

  @Option(names = "--from", description = "First day or instant; default: the beginning.")
  String from;

  @Option(names = "--to", description = "Day or instant to stop before; default: now.")
  String to;

  @Option(
      names = "--lgd",
      defaultValue = "0.45",
      description = "Loss given default (default 0.45).")
  double lgd;

  /** Counts of one group. */
  static final class Group {
    long n;
    long before;
    long after;

    void add(boolean wasApproved, boolean isApproved) {
      n++;
      before += wasApproved ? 1 : 0;
      after += isApproved ? 1 : 0;
    }

    void add(Group other) {
      n += other.n;
      before += other.before;
      after += other.after;
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Instant start;
    Instant end;
    String yaml;
    try {
      start = DecisionCommand.instant(from, Instant.EPOCH);
      end = DecisionCommand.instant(to, Instant.now().plusSeconds(1));
      yaml = Files.readString(strategy);
    } catch (IllegalArgumentException | IOException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
      DecisionCommand.Tools tools = DecisionCommand.Tools.over(runtime.database());
      Strategy candidate;
      try {
        candidate = tools.loader().load(yaml, LocalDate.now(tools.policy().zone()));
      } catch (DefinitionException e) {
        err.println("error: the strategy is refused: " + e.getMessage());
        err.println("错误：策略无法加载：" + e.messageZh());
        return 2;
      }
      DecisionEngine engine = new DecisionEngine(candidate, tools.products(), tools.policy());
      Report report = run(tools, engine, candidate.productId(), start, end);
      report.print(out, candidate.versionTag());
      out.flush();
      return 0;
    }
  }

  /** The comparison over every stored application of the product in the period. */
  static final class Report {
    private final double lgd;
    long n;
    final Map<String, Long> changes = new TreeMap<>();
    final Map<String, Group> bySegment = new TreeMap<>();
    final Map<String, Group> byBand = new TreeMap<>();
    double amountBefore;
    double amountAfter;
    double lossBefore;
    double lossAfter;
    long approvedBefore;
    long approvedAfter;

    Report(double lgd) {
      this.lgd = lgd;
    }

    void add(PastApplication stored, Decision d) {
      n++;
      String was = stored.outcome();
      // an application deferred for lack of funds was approved by the strategy
      boolean wasApproved = was.equals("APPROVE") || was.equals("DEFER");
      boolean isApproved = d.outcome() == Outcome.APPROVE;
      changes.merge(was + " -> " + d.outcome(), 1L, Long::sum);
      bySegment
          .computeIfAbsent(d.segment() == null ? "(not scored)" : d.segment(), k -> new Group())
          .add(wasApproved, isApproved);
      byBand
          .computeIfAbsent(d.band() == null ? "(not scored)" : d.band(), k -> new Group())
          .add(wasApproved, isApproved);
      if (wasApproved) {
        approvedBefore++;
        double amount = stored.approvedAmount().doubleValue();
        amountBefore += amount;
        lossBefore += (stored.pd() == null ? 0 : stored.pd()) * amount * lgd;
      }
      if (isApproved) {
        approvedAfter++;
        double amount = d.approvedAmount().doubleValue();
        amountAfter += amount;
        lossAfter += d.pd() * amount * lgd;
      }
    }

    /** Adds another part's counts (parts are simulated in parallel). */
    synchronized void merge(Report part) {
      n += part.n;
      part.changes.forEach((k, v) -> changes.merge(k, v, Long::sum));
      part.bySegment.forEach((k, g) -> bySegment.computeIfAbsent(k, x -> new Group()).add(g));
      part.byBand.forEach((k, g) -> byBand.computeIfAbsent(k, x -> new Group()).add(g));
      amountBefore += part.amountBefore;
      amountAfter += part.amountAfter;
      lossBefore += part.lossBefore;
      lossAfter += part.lossAfter;
      approvedBefore += part.approvedBefore;
      approvedAfter += part.approvedAfter;
    }

    void print(PrintWriter out, String tag) {
      out.printf("simulated %s over %,d applications / 模拟 %,d 笔申请 (LGD %.2f)%n", tag, n, n, lgd);
      out.printf("%-28s %16s %16s%n", "", "decided 实际", "candidate 候选");
      out.printf(
          "%-28s %15.2f%% %15.2f%%%n",
          "approval rate 通过率", pct(approvedBefore, n), pct(approvedAfter, n));
      out.printf("%-28s %16.0f %16.0f%n", "approved amount 通过金额", amountBefore, amountAfter);
      out.printf("%-28s %16.0f %16.0f%n", "expected loss 预期损失", lossBefore, lossAfter);
      out.printf(
          "%-28s %15.2f%% %15.2f%%%n",
          "loss rate 损失率", pct(lossBefore, amountBefore), pct(lossAfter, amountAfter));
      out.println("changes 决策变化:");
      changes.forEach((k, v) -> out.printf("  %-22s %,10d%n", k, v));
      out.println("by segment 按客群 (n, approval before -> after):");
      bySegment.forEach(
          (k, g) ->
              out.printf(
                  "  %-22s %,10d %7.2f%% -> %7.2f%%%n",
                  k, g.n, pct(g.before, g.n), pct(g.after, g.n)));
      out.println("by band 按风险等级 (n, approval before -> after):");
      byBand.forEach(
          (k, g) ->
              out.printf(
                  "  %-22s %,10d %7.2f%% -> %7.2f%%%n",
                  k, g.n, pct(g.before, g.n), pct(g.after, g.n)));
    }

    private static double pct(double part, double whole) {
      return whole == 0 ? 0 : 100 * part / whole;
    }
  }

  /**
   * Streams the product's applications of the period from a database cursor in batches; each batch
   * is parsed and decided on a worker (one per core) while the next is read. The queue is bounded,
   * so when the workers fall behind the reader runs a batch itself instead of buffering: memory
   * stays at a few batches whatever the period holds.
   */
  Report run(
      DecisionCommand.Tools tools,
      DecisionEngine engine,
      String product,
      Instant start,
      Instant end) {
    Report report = new Report(lgd);
    long total = tools.decisions().countPast(product, start, end);
    ProgressBar bar = new ProgressBar(System.err, "simulate");
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(workers * 2),
            new ThreadPoolExecutor.CallerRunsPolicy());
    AtomicLong done = new AtomicLong();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    try {
      tools
          .decisions()
          .forEachPast(
              product,
              start,
              end,
              BATCH,
              batch -> {
                if (failure.get() != null) {
                  throw failure.get();
                }
                pool.execute(
                    () -> {
                      try {
                        Report part = new Report(lgd);
                        for (PastApplication p : batch) {
                          part.add(p, decide(tools, engine, p));
                        }
                        report.merge(part);
                        long d = done.addAndGet(batch.size());
                        synchronized (bar) {
                          bar.update(d, total, d);
                        }
                      } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                      }
                    });
              });
    } finally {
      pool.shutdown();
      awaitQuietly(pool);
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    bar.finish(report.n);
    return report;
  }

  private static Decision decide(
      DecisionCommand.Tools tools, DecisionEngine engine, PastApplication p) {
    ObjectMapper json = tools.json();
    try {
      return engine.decide(
          json.readValue(p.application(), LoanApplication.class),
          json.readValue(p.inputs(), DecisionInputs.class));
    } catch (IOException e) {
      throw new IllegalStateException("unreadable stored application", e);
    }
  }

  private static void awaitQuietly(ThreadPoolExecutor pool) {
    try {
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // a million applications take tens of seconds; keep waiting
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
