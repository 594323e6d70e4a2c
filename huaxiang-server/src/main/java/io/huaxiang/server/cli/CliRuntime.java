package io.huaxiang.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.huaxiang.server.config.HuaxiangProperties;
import io.huaxiang.server.config.HuaxiangRuntime;
import java.time.Clock;

/** Builds the runtime for a CLI command from its options, without starting the web server. */
final class CliRuntime {
  private CliRuntime() {}

  static ObjectMapper json() {
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();
  }

  static HuaxiangProperties settings(DbOptions db) {
    return new HuaxiangProperties(
        db.dataDir,
        new HuaxiangProperties.Db(db.dbUrl, db.dbUser, db.dbPassword, 4),
        null,
        null,
        null,
        null);
  }

  static HuaxiangRuntime open(DbOptions db) {
    HuaxiangProperties settings = settings(db);
    return new HuaxiangRuntime(
        HuaxiangRuntime.openDatabase(settings), settings, json(), Clock.systemUTC());
  }

  /**
   * Starts the portrait projector in this CLI process, unless a server already runs on the same
   * data: then the server follows the log and keeps the portraits, and two writers of the same
   * snapshots would only do the work twice.
   */
  static void keepPortraitsUnlessServed(HuaxiangRuntime runtime) {
    if (!runtime.database().attached()) {
      runtime.portraits().start();
    }
  }
}
