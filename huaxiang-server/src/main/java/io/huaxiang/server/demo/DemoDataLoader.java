package io.huaxiang.server.demo;

import io.huaxiang.core.demo.DemoPopulation;
import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.server.config.HuaxiangRuntime;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On the first start with {@code huaxiang.demo.users > 0} and an empty event log, loads the seeded
 * demo population so a newcomer sees real-looking portraits at once.
 */
@Component
class DemoDataLoader implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
  private final HuaxiangRuntime runtime;
  private final HuaxiangProperties.Demo demo;
  private final Clock clock;
  private volatile boolean running;

  DemoDataLoader(HuaxiangRuntime runtime, HuaxiangProperties settings, Clock clock) {
    this.runtime = runtime;
    this.demo = settings.demo();
    this.clock = clock;
  }

  @Override
  public void start() {
    running = true;
    if (demo.users() <= 0) {
      return;
    }
    if (runtime.events().count() > 0) {
      log.info("event log is not empty: demo data not loaded again");
      return;
    }
    DemoPopulation population = new DemoPopulation(demo.seed(), demo.users(), clock.instant());
    log.info("loading a demo population of {} users (seed {}) ...", demo.users(), demo.seed());
    long started = System.nanoTime();
    long[] lastLogged = {0};
    var report =
        BulkLoader.backfill(
            runtime,
            population.events().iterator(),
            "demo",
            "system:demo-loader",
            n -> {
              if (n - lastLogged[0] >= 200_000) {
                lastLogged[0] = n;
                log.info("  ... {} demo events loaded", n);
              }
            });
    log.info(
        "demo data loaded: {} users, {} events in {} s",
        runtime.portraits().size(),
        report.accepted(),
        (System.nanoTime() - started) / 1_000_000_000);
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // after the portrait projector has started, before the web server opens
    return Integer.MAX_VALUE - 4000;
  }
}
