package io.huaxiang.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/** Records refused at ingestion, kept for the operations console and for resending. */
public final class DeadLetterStore {
  /** Longer records are cut: the dead letter explains, the sender keeps the original. */
  private static final int MAX_RECORD_CHARS = 4_000;

  private final DataSource db;

  public DeadLetterStore(DataSource db) {
    this.db = db;
  }

  public void record(Collection<DeadLetter> letters) {
    if (letters.isEmpty()) {
      return;
    }
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into dead_letters (received_at, channel, origin, line_no, reason, field,"
                    + " message, record) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (DeadLetter d : letters) {
        ps.setTimestamp(1, Timestamp.from(d.receivedAt()));
        ps.setString(2, d.channel());
        ps.setString(3, d.origin());
        if (d.lineNo() == null) {
          ps.setNull(4, Types.BIGINT);
        } else {
          ps.setLong(4, d.lineNo());
        }
        ps.setString(5, d.reason());
        ps.setString(6, d.field());
        ps.setString(7, d.message());
        String record = d.record();
        ps.setString(
            8,
            record != null && record.length() > MAX_RECORD_CHARS
                ? record.substring(0, MAX_RECORD_CHARS)
                : record);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new StoreException("cannot record " + letters.size() + " dead letters", e);
    }
  }

  public List<DeadLetter> recent(int limit) {
    List<DeadLetter> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select received_at, channel, origin, line_no, reason, field, message, record"
                    + " from dead_letters order by id desc limit ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long line = rs.getLong(4);
          out.add(
              new DeadLetter(
                  rs.getTimestamp(1).toInstant(),
                  rs.getString(2),
                  rs.getString(3),
                  rs.wasNull() ? null : line,
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read dead letters", e);
    }
    return out;
  }
}
