package io.huaxiang.bench.expr;

import io.huaxiang.core.expr.ArrayBindings;
import io.huaxiang.core.expr.CompiledExpression;
import io.huaxiang.core.expr.Expressions;
import io.huaxiang.core.expr.Schema;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of compiled expressions as a decision engine uses them: every rule of a rule set
 * evaluated against one applicant, applicants taken round-robin from a pool of 1,024 {@link
 * ArrayBindings} rows so that branches are not perfectly predicted. Rules evaluated per second =
 * ops/s × rules per set.
 *
 * <p>Run: {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * org.openjdk.jmh.Main ExpressionBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExpressionBenchmark {

  private static final int POOL = 1024;

  private Schema schema;
  private ArrayBindings[] applicants;
  private CompiledExpression simpleRule;
  private CompiledExpression[] rules20;
  private CompiledExpression[] rules200;
  private List<String> sources200;
  private int next;

  @Setup
  public void setUp() {
    schema = RuleSets.schema();
    applicants = RuleSets.applicants(schema, POOL, 7);
    simpleRule = Expressions.compileCondition("f1 >= 0.95 and f2 >= 3", schema);
    rules20 = compile(RuleSets.rules(20, 42));
    sources200 = RuleSets.rules(200, 43);
    rules200 = compile(sources200);
  }

  private CompiledExpression[] compile(List<String> sources) {
    return sources.stream()
        .map(s -> Expressions.compileCondition(s, schema))
        .toArray(CompiledExpression[]::new);
  }

  private ArrayBindings nextApplicant() {
    next = (next + 1) & (POOL - 1);
    return applicants[next];
  }

  /** One two-comparison rule: the unit the 10-million-per-second goal is stated in. */
  @Benchmark
  public boolean simpleRule() {
    return simpleRule.test(nextApplicant());
  }

  /** A 20-rule set, every rule evaluated (the engine keeps all outcomes, not just the first). */
  @Benchmark
  public int ruleSet20() {
    return fired(rules20, nextApplicant());
  }

  /** A 200-rule set; the decision-engine goal is 50,000 of these per second per core. */
  @Benchmark
  public int ruleSet200() {
    return fired(rules200, nextApplicant());
  }

  /** Parsing, checking and compiling the 200 rules, as when a strategy version is loaded. */
  @Benchmark
  public int compile200() {
    return compile(sources200).length;
  }

  private static int fired(CompiledExpression[] rules, ArrayBindings applicant) {
    int fired = 0;
    for (CompiledExpression rule : rules) {
      if (rule.test(applicant)) {
        fired++;
      }
    }
    return fired;
  }
}
