package io.huaxiang.store;

import io.huaxiang.core.privacy.AssociatedData;
import io.huaxiang.core.privacy.FieldCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** Records refused at ingestion, kept for the operations console and for resending. */
public final class DeadLetterStore {
  /** Longer records are cut: the dead letter explains, the sender keeps the original. */
  private static final int MAX_RECORD_CHARS = 4_000;

  /** The sender's user id in a refused JSON record, found without trusting the rest of it. */
  private static final Pattern USER_ID =
      Pattern.compile("\"user_id\"\\s*:\\s*\"([^\"\\\\]{1,200})\"");

  private final DataSource db;
  private final FieldProtection protection;

  /** Dead letters in clear: only for tests and tools without keys. */
  public DeadLetterStore(DataSource db) {
    this(db, null);
  }

  /**
   * Dead letters whose message and record are encrypted: a refused record may quote an ID number, a
   * phone or a card verbatim.
   */
  public DeadLetterStore(DataSource db, FieldProtection protection) {
    this.db = db;
    this.protection = protection;
  }

  public void record(Collection<DeadLetter> letters) {
    if (letters.isEmpty()) {
      return;
    }
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into dead_letters (received_at, channel, origin, line_no, reason, field,"
                    + " message, record, user_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
        ps.setString(7, seal(d.message(), "message", d.channel()));
        String record = d.record();
        ps.setString(
            8,
            seal(
                record != null && record.length() > MAX_RECORD_CHARS
                    ? record.substring(0, MAX_RECORD_CHARS)
                    : record,
                "record",
                d.channel()));
        ps.setString(9, userIdIn(record));
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new StoreException("cannot record " + letters.size() + " dead letters", e);
    }
  }

  /** Deletes the dead letters that named this user (erasure); returns how many. */
  public int deleteFor(String userId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("delete from dead_letters where user_id = ?")) {
      ps.setString(1, userId);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot delete dead letters", e);
    }
  }

  /**
   * Re-encrypts every message and record sealed under another key than the active one.
   *
   * @return how many rows were rewritten
   */
  public int rotate() {
    if (protection == null) {
      return 0;
    }
    String active = protection.activeKeyId();
    int n = 0;
    try (Connection c = db.getConnection()) {
      List<Object[]> rows = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select id, channel, message, record from dead_letters"
                  + " where message like 'hx1:%' and split_part(message, ':', 2) <> ?"
                  + " or record like 'hx1:%' and split_part(record, ':', 2) <> ?")) {
        ps.setString(1, active);
        ps.setString(2, active);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(
                new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)});
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("update dead_letters set message = ?, record = ? where id = ?")) {
        for (Object[] r : rows) {
          String channel = (String) r[1];
          ps.setString(1, reseal((String) r[2], "message", channel));
          ps.setString(2, reseal((String) r[3], "record", channel));
          ps.setLong(3, (Long) r[0]);
          ps.addBatch();
          n++;
        }
        ps.executeBatch();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot rotate dead letters", e);
    }
    return n;
  }

  private String seal(String text, String column, String channel) {
    return protection == null || text == null
        ? text
        : protection.encrypt(text, AssociatedData.of("dead_letters." + column, channel));
  }

  private String open(String text, String column, String channel) {
    return protection == null || text == null || !text.startsWith(FieldCipher.VERSION + ":")
        ? text
        : protection.decrypt(text, AssociatedData.of("dead_letters." + column, channel));
  }

  private String reseal(String text, String column, String channel) {
    if (text == null || !text.startsWith(FieldCipher.VERSION + ":")) {
      return seal(text, column, channel);
    }
    return protection.rotate(text, AssociatedData.of("dead_letters." + column, channel));
  }

  private static String userIdIn(String record) {
    if (record == null) {
      return null;
    }
    Matcher m = USER_ID.matcher(record);
    return m.find() ? m.group(1) : null;
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
                  open(rs.getString(7), "message", rs.getString(2)),
                  open(rs.getString(8), "record", rs.getString(2))));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read dead letters", e);
    }
    return out;
  }
}
