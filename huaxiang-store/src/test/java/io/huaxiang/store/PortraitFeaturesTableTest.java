package io.huaxiang.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.profile.FeatureDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The typed feature table (V41) matches the catalogue, is written with the snapshots, is
 * back-filled from snapshots stored before it existed, and goes with the user on erasure.
 */
class PortraitFeaturesTableTest {
  private static final Instant AT = Instant.parse("2026-06-30T08:00:00Z");
  private static Database db;

  @BeforeAll
  static void start() {
    db = TestDatabase.fresh();
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void hasOneTypedColumnPerScalarFeatureOfTheCatalogue() throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select column_name, data_type from information_schema.columns"
                    + " where table_name = 'portrait_features' order by ordinal_position")) {
      while (rs.next()) {
        columns.put(rs.getString(1), rs.getString(2));
      }
    }
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("user_id", "text");
    expected.put("last_event_at", "timestamp with time zone");
    for (FeatureDefinition f : PortraitFeatureColumns.features()) {
      expected.put(f.name(), PortraitFeatureColumns.sqlType(f.type()));
    }
    assertThat(columns)
        .as("portrait_features columns vs the catalogue's scalar features (add a migration)")
        .containsExactlyEntriesOf(expected);
  }

  @Test
  void savesTypedFeaturesWithTheSnapshotAndErasesThemWithTheUser() throws SQLException {
    ProfileStore store = new ProfileStore(db.dataSource(), "test");
    Map<String, Object> scalars = new HashMap<>();
    scalars.put("age", 31.0);
    scalars.put("gender", "female");
    scalars.put("consent_marketing", true);
    scalars.put("max_dpd_lifetime", Double.NaN);
    store.save(List.of(snapshot("typed-1", scalars)), 7, AT);

    assertThat(row("typed-1", "age")).isEqualTo(31.0);
    assertThat(row("typed-1", "gender")).isEqualTo("female");
    assertThat(row("typed-1", "consent_marketing")).isEqualTo(true);
    assertThat(row("typed-1", "max_dpd_lifetime")).isNull();

    scalars.put("age", 32.0);
    store.save(List.of(snapshot("typed-1", scalars)), 8, AT);
    assertThat(row("typed-1", "age")).isEqualTo(32.0);

    new SubjectStore(db.dataSource()).erase("typed-1", "dpo", "REQ-T", AT);
    assertThat(count("typed-1")).isZero();
  }

  @Test
  void backFillsFromSnapshotsStoredBeforeTheTableExisted() throws SQLException {
    String url = TestDatabase.freshUrl();
    try (Database old = Database.external(url, "postgres", null, 2)) {
      Flyway.configure()
          .dataSource(old.dataSource())
          .locations("classpath:db/migration")
          .target("40")
          .load()
          .migrate();
      try (Connection c = old.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            """
            insert into profiles (user_id, format_version, event_count, last_event_at, state,
                                  features, updated_at)
            values ('old-1', 1, 3, '2026-06-01T00:00:00Z', '{}',
                    '{"age": 44, "gender": "male", "city_tier": 2, "consent_marketing": false,
                      "max_dpd_lifetime": null, "approval_ratio_lifetime": 0.5}', now())
            """);
      }
      old.migrate();
      try (Connection c = old.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select age, gender, city_tier, consent_marketing, max_dpd_lifetime,"
                      + " approval_ratio_lifetime, last_event_at from portrait_features"
                      + " where user_id = 'old-1'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getDouble(1)).isEqualTo(44.0);
        assertThat(rs.getString(2)).isEqualTo("male");
        assertThat(rs.getDouble(3)).isEqualTo(2.0);
        assertThat(rs.getBoolean(4)).isFalse();
        assertThat(rs.getObject(5)).isNull();
        assertThat(rs.getDouble(6)).isEqualTo(0.5);
        assertThat(rs.getTimestamp(7).toInstant()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
      }
    }
  }

  private static ProfileSnapshot snapshot(String user, Map<String, Object> scalars) {
    return new ProfileSnapshot(user, 1, 1, AT, "{}", "{}", List.of(), "{}", scalars);
  }

  private static Object row(String user, String column) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("select " + column + " from portrait_features where user_id = ?")) {
      ps.setString(1, user);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("a typed row for " + user).isTrue();
        return rs.getObject(1);
      }
    }
  }

  private static long count(String user) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("select count(*) from portrait_features where user_id = ?")) {
      ps.setString(1, user);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
