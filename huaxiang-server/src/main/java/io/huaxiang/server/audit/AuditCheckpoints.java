package io.huaxiang.server.audit;

import io.huaxiang.core.audit.Checkpoint;
import io.huaxiang.store.AuditStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Publishes the head of the audit chain outside the database: one line {@code <seq> <hash> <time>}
 * appended (and fsynced) to {@code <data dir>/audit/checkpoints-<database id>.log}. {@code huaxiang
 * audit verify} checks the chain against the newest line, so removing the newest entries ({@code
 * TRUNCATED}) or rewriting the chain with fresh hashes ({@code CHECKPOINT_MISMATCH}) is found even
 * by someone who can write the table.
 *
 * <p>The file is only as safe as the place it lives: ship it to storage the database's
 * administrators cannot change (a WORM bucket, another system's log) — see docs/security.md. The
 * database id (PostgreSQL system identifier and database name) in the file name keeps checkpoints
 * of different databases apart.
 */
public final class AuditCheckpoints {
  private final AuditStore store;
  private final Path file;
  private final Clock clock;

  public AuditCheckpoints(AuditStore store, Path file, Clock clock) {
    this.store = store;
    this.file = file;
    this.clock = clock;
  }

  /** The checkpoint file of the database behind {@code db} under {@code dataDir}. */
  public static Path fileFor(Path dataDir, DataSource db) {
    String id;
    try {
      id =
          query(
              db,
              "select (select system_identifier from pg_control_system())::text || '-'"
                  + " || current_database()");
    } catch (SQLException e) {
      try {
        id = query(db, "select current_database()"); // pg_control_system needs pg_monitor
      } catch (SQLException again) {
        throw new IllegalStateException("cannot identify the database for audit checkpoints", e);
      }
    }
    return dataDir
        .resolve("audit")
        .resolve("checkpoints-" + id.replaceAll("[^A-Za-z0-9_-]", "_") + ".log");
  }

  private static String query(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Appends the current head if it is newer than the last published one.
   *
   * @return the head published, or empty when the log is empty or nothing changed
   */
  public synchronized Optional<Checkpoint> publish() {
    Optional<Checkpoint> head = store.head();
    if (head.isEmpty() || latest().map(c -> c.seq() >= head.get().seq()).orElse(false)) {
      return Optional.empty();
    }
    Checkpoint c = head.get();
    String line = c.seq() + " " + c.hash() + " " + clock.instant() + "\n";
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (FileChannel ch =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        ch.force(true); // a checkpoint that a crash can lose protects nothing
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish an audit checkpoint to " + file, e);
    }
    return head;
  }

  /** The newest checkpoint in the file, if any. */
  public Optional<Checkpoint> latest() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = lines.size() - 1; i >= 0; i--) {
        String[] parts = lines.get(i).strip().split(" ");
        if (parts.length >= 2 && parts[0].matches("\\d+") && parts[1].matches("[0-9a-f]{64}")) {
          return Optional.of(new Checkpoint(Long.parseLong(parts[0]), parts[1]));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read audit checkpoints from " + file, e);
    }
  }
}
