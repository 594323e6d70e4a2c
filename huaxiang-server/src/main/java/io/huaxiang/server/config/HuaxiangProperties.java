package io.huaxiang.server.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Huaxiang's settings ({@code huaxiang.*} in application.yml, environment variables such as {@code
 * HUAXIANG_DB_URL}, or command-line options).
 *
 * @param dataDir where the embedded PostgreSQL keeps its data (survives restarts)
 * @param db an external PostgreSQL; when {@code db.url} is empty the embedded one is used
 * @param zone the time zone in which days and hours of activity are counted
 * @param ingest limits for incoming events
 * @param demo the demo population loaded on first start
 */
@ConfigurationProperties(prefix = "huaxiang")
public record HuaxiangProperties(
    Path dataDir, Db db, String zone, Ingest ingest, Demo demo, Portraits portraits) {

  public HuaxiangProperties {
    dataDir = dataDir == null ? Path.of("huaxiang-data") : dataDir;
    db = db == null ? new Db(null, "postgres", null, 16) : db;
    zone = zone == null ? "Asia/Shanghai" : zone;
    ingest = ingest == null ? new Ingest(null, 0, 0) : ingest;
    demo = demo == null ? new Demo(0, 42) : demo;
    portraits = portraits == null ? new Portraits(null, null, null) : portraits;
  }

  /** An external PostgreSQL; {@code url} empty means embedded. */
  public record Db(String url, String user, String password, int poolSize) {
    public Db {
      poolSize = poolSize <= 0 ? 16 : poolSize;
    }

    public boolean external() {
      return url != null && !url.isBlank();
    }
  }

  /**
   * @param futureTolerance how far after receipt an event time may lie (clock skew)
   * @param maxBatch most events in one batch request
   * @param maxBodyBytes largest request body accepted
   */
  public record Ingest(Duration futureTolerance, int maxBatch, long maxBodyBytes) {
    public Ingest {
      futureTolerance = futureTolerance == null ? Duration.ofMinutes(5) : futureTolerance;
      maxBatch = maxBatch <= 0 ? 10_000 : maxBatch;
      maxBodyBytes = maxBodyBytes <= 0 ? 10L * 1024 * 1024 : maxBodyBytes;
    }
  }

  /**
   * @param users size of the demo population generated when the event log is empty (0: none)
   * @param seed the generator seed, so every newcomer sees the same population
   */
  public record Demo(int users, long seed) {}

  /**
   * @param snapshotEvery how often changed portraits are written to PostgreSQL
   * @param followEvery how often the log is checked for events written by other processes
   * @param retagEvery how often time-driven tags (silent, churned) are re-evaluated
   */
  public record Portraits(Duration snapshotEvery, Duration followEvery, Duration retagEvery) {
    public Portraits {
      snapshotEvery = snapshotEvery == null ? Duration.ofSeconds(10) : snapshotEvery;
      followEvery = followEvery == null ? Duration.ofSeconds(1) : followEvery;
      retagEvery = retagEvery == null ? Duration.ofHours(1) : retagEvery;
    }
  }
}
