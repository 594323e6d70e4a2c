package io.huaxiang.bench.demo;

import io.huaxiang.core.dataset.TaiwanCreditCard;
import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.profile.ProfileEngine;
import io.huaxiang.core.profile.ProfileState;
import java.time.Instant;
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
 * How fast demo data is made: one demo user's events generated (users/s; events/s = users/s × the
 * mean events per user, about 167), the same folded into a portrait, and one UCI Taiwan row parsed
 * and mapped. Tells how long a million-user demo population takes to generate and load.
 *
 * <p>Run: {@code bash bench/demo/run.sh}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DemoGenerationBenchmark {
  private static final int USERS = 10_000;

  /** Real UCI rows (IDs 1, 2, 7, 59, 650): paid duly, revolving, late, exponent-notation limits. */
  private static final String[] TAIWAN_ROWS = {
    "1,20000,2,2,1,24,2,2,-1,-1,-2,-2,3913,3102,689,0,0,0,0,689,0,0,0,0,1",
    "2,120000,2,2,2,26,-1,2,0,0,0,2,2682,1725,2682,3272,3455,3261,0,1000,1000,1000,0,2000,1",
    "7,5.00E+05,1,1,2,29,0,0,0,0,0,0,367965,412023,445007,542653,483003,473944,"
        + "55000,40000,38000,20239,13750,13770,0",
    "59,2.00E+05,2,1,2,34,-1,3,2,2,2,2,1587,1098,782,1166,700,1414,0,0,700,0,1200,0,0",
    "650,20000,2,2,2,46,8,7,6,5,4,3,21075,20795,20206,19617,18737,18148,0,0,0,0,0,0,0"
  };

  private DemoPopulation demo;
  private ProfileEngine engine;
  private int next;

  @Setup
  public void setUp() {
    demo = new DemoPopulation(42, USERS, Instant.parse("2026-06-30T16:00:00Z"));
    engine = ProfileEngine.chinaStandardTime();
  }

  @Benchmark
  public List<UserEvent> generateUser() {
    return demo.events(next++ % USERS);
  }

  @Benchmark
  public ProfileState generateAndFoldUser() {
    int index = next++ % USERS;
    ProfileState state = engine.newState(DemoPopulation.userId(index));
    for (UserEvent e : demo.events(index)) {
      engine.apply(state, e);
    }
    return state;
  }

  @Benchmark
  public List<UserEvent> importTaiwanRow() {
    int i = next++ % TAIWAN_ROWS.length;
    return TaiwanCreditCard.events(TaiwanCreditCard.parse(TAIWAN_ROWS[i], i + 2));
  }
}
