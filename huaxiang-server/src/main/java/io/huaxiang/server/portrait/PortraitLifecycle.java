package io.huaxiang.server.portrait;

import io.huaxiang.server.config.HuaxiangProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the portrait projector before the server takes requests, keeps it following the log and
 * snapshotting, and writes a last snapshot on shutdown.
 */
@Component
class PortraitLifecycle implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(PortraitLifecycle.class);

  private final PortraitService portraits;
  private final HuaxiangProperties.Portraits settings;
  private ScheduledExecutorService timer;

  PortraitLifecycle(PortraitService portraits, HuaxiangProperties settings) {
    this.portraits = portraits;
    this.settings = settings.portraits();
  }

  @Override
  public void start() {
    portraits.start();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "portrait-projector");
              t.setDaemon(true);
              return t;
            });
    every(settings.followEvery().toMillis(), () -> portraits.catchUp(n -> {}));
    every(settings.snapshotEvery().toMillis(), portraits::snapshot);
    every(settings.retagEvery().toMillis(), portraits::retagAll);
  }

  private void every(long millis, Runnable task) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.error("portrait background task failed; will retry", e);
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (timer != null) {
      timer.shutdown();
      try {
        timer.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      log.info("saved {} portraits on shutdown", portraits.snapshot());
    } catch (RuntimeException e) {
      // nothing is lost: the next start replays the log from the last checkpoint
      log.warn("could not save portraits on shutdown ({}); they will be replayed", e.getMessage());
    }
  }

  @Override
  public boolean isRunning() {
    return timer != null && !timer.isShutdown();
  }

  @Override
  public int getPhase() {
    // start before the web server (phase MAX_VALUE - 2048 in Spring Boot 3) and stop after it
    return Integer.MAX_VALUE - 4096;
  }
}
