package io.huaxiang.bench.model;

import io.huaxiang.model.data.Dataset;
import io.huaxiang.model.pipeline.ProgressListener;
import io.huaxiang.model.pipeline.ScorecardPipeline;
import io.huaxiang.model.pipeline.TrainingConfig;
import io.huaxiang.model.scorecard.ScoreResult;
import io.huaxiang.model.scorecard.ScorecardModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring throughput of one applicant on one thread: points only, and points with reason codes. The
 * card is trained at setup on seeded synthetic data (30 candidate features).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ScorecardScoringBenchmark {
  private ScorecardModel model;
  private List<Map<String, Object>> applicants;
  private int next;

  @Setup
  public void setUp() {
    Dataset data = new SyntheticCredit(7).generate(20_000, 30);
    model =
        ScorecardPipeline.train(data, TrainingConfig.defaults("bad", "1"), ProgressListener.NONE)
            .model();
    applicants = IntStream.range(0, 1024).mapToObj(data::row).toList();
  }

  @Benchmark
  public int points() {
    return model.points(applicants.get(next++ & 1023));
  }

  @Benchmark
  public ScoreResult pointsWithReasons() {
    return model.score(applicants.get(next++ & 1023));
  }
}
