package io.huaxiang.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Huaxiang's one database: an embedded PostgreSQL kept under a local directory by default, or any
 * PostgreSQL reached by JDBC URL in production. Either way the schema is migrated by Flyway.
 *
 * <p>If another Huaxiang process already runs the embedded server on the same directory (the server
 * while the CLI imports, or a server that was killed and left PostgreSQL running), this attaches to
 * it rather than failing, so there is only ever one server per directory.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource pool;
  private final EmbeddedPostgres embedded;
  private final String description;

  private Database(HikariDataSource pool, EmbeddedPostgres embedded, String description) {
    this.pool = pool;
    this.embedded = embedded;
    this.description = description;
  }

  /** Starts (or attaches to) the embedded PostgreSQL whose data lives in {@code dataDir}. */
  public static Database embedded(Path dataDir, int poolSize) {
    try {
      Files.createDirectories(dataDir);
      Optional<Integer> running = runningPort(dataDir);
      if (running.isPresent()) {
        String url = "jdbc:postgresql://localhost:" + running.get() + "/postgres";
        return new Database(
            pool(url, "postgres", null, poolSize),
            null,
            "embedded PostgreSQL at "
                + dataDir.toAbsolutePath()
                + " (attached, port "
                + running.get()
                + ")");
      }
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              // acknowledged events must survive a crash: keep PostgreSQL's full durability
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("max_connections", "100")
              .setServerConfig("shared_buffers", "256MB")
              // bulk loads write a lot of WAL: fewer forced checkpoints, same durability
              .setServerConfig("max_wal_size", "4GB")
              .setServerConfig("checkpoint_timeout", "15min")
              .setServerConfig("wal_compression", "on")
              .start();
      String url = pg.getJdbcUrl("postgres", "postgres");
      return new Database(
          pool(url, "postgres", null, poolSize),
          pg,
          "embedded PostgreSQL at " + dataDir.toAbsolutePath() + " (port " + pg.getPort() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir, e);
    }
  }

  /** Connects to an existing PostgreSQL. */
  public static Database external(String jdbcUrl, String user, String password, int poolSize) {
    return new Database(pool(jdbcUrl, user, password, poolSize), null, "PostgreSQL at " + jdbcUrl);
  }

  /** Applies the Flyway migrations in {@code db/migration}; safe to call on every start. */
  public Database migrate() {
    // features number their migrations in ranges (decisioning V10-V19, privacy V20-…), so a
    // later migration of an earlier range must still apply to a database that has the later ones
    Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration")
        .outOfOrder(true)
        .load()
        .migrate();
    return this;
  }

  public DataSource dataSource() {
    return pool;
  }

  public String description() {
    return description;
  }

  /** True when this process attached to an embedded PostgreSQL that another process started. */
  public boolean attached() {
    return description.contains("(attached");
  }

  @Override
  public void close() {
    pool.close();
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static HikariDataSource pool(String url, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(size);
    config.setPoolName("huaxiang");
    // fail fast rather than hang when the database is gone (e.g. during shutdown)
    config.setConnectionTimeout(5_000);
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    return new HikariDataSource(config);
  }

  /** The port of a live PostgreSQL already serving this directory, read from postmaster.pid. */
  static Optional<Integer> runningPort(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.size() < 4) {
      return Optional.empty();
    }
    long pid = Long.parseLong(lines.get(0).trim());
    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
  }
}
