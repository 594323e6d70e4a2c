package io.huaxiang.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The one loop the stores share for a parameterised select: bind, run, map each row. Callers wrap
 * the {@link SQLException} in a {@link StoreException} that says what could not be read.
 */
final class Rows {
  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private Rows() {}

  static <T> List<T> list(DataSource db, String sql, Reader<T> reader, Object... params)
      throws SQLException {
    List<T> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      StaffUserStore.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(reader.read(rs));
        }
      }
    }
    return out;
  }
}
