package io.huaxiang.bench.decision;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * CPU time per decision, measured with the thread's CPU clock instead of the wall clock, so the
 * figure holds on a machine shared with other work: decisions per CPU-second is the throughput one
 * core gives. Also prints CPU-time percentiles of single decisions (timer resolution permitting).
 *
 * <p>Run: {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * io.huaxiang.bench.decision.DecisionCpuCost 10 20 200}
 */
public final class DecisionCpuCost {
  private DecisionCpuCost() {}

  public static void main(String[] args) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (String arg : args.length == 0 ? new String[] {"10", "20", "200"} : args) {
      DecisionBenchmark b = new DecisionBenchmark();
      b.rules = Integer.parseInt(arg);
      b.setUp();
      for (int i = 0; i < 200_000; i++) {
        b.decide(); // warm-up: JIT and the price memo
      }
      int n = 200_000;
      long[] each = new long[n];
      long start = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        long t = cpu.getCurrentThreadCpuTime();
        b.decide();
        each[i] = cpu.getCurrentThreadCpuTime() - t;
      }
      long total = cpu.getCurrentThreadCpuTime() - start;
      // the per-call clock reads cost CPU too: the batch figure below excludes them
      long batchStart = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        b.decide();
      }
      long batch = cpu.getCurrentThreadCpuTime() - batchStart;
      Arrays.sort(each);
      System.out.printf(
          "rules=%d: %.1f us CPU per decision, %,.0f decisions per CPU-second;"
              + " single-decision CPU p50 %.1f us, p99 %.1f us, p99.9 %.1f us (with clock reads: %.1f us avg)%n",
          b.rules,
          batch / 1e3 / n,
          n / (batch / 1e9),
          each[n / 2] / 1e3,
          each[(int) (n * 0.99)] / 1e3,
          each[(int) (n * 0.999)] / 1e3,
          total / 1e3 / n);
    }
  }
}
