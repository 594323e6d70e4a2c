package io.huaxiang.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huaxiang.core.event.ApplicationId;
import io.huaxiang.core.event.EventId;
import io.huaxiang.core.event.LoanApplied;
import io.huaxiang.core.event.LoanPurpose;
import io.huaxiang.core.event.SessionStarted;
import io.huaxiang.core.event.TransactionMade;
import io.huaxiang.core.event.UserEvent;
import io.huaxiang.core.event.UserId;
import io.huaxiang.core.lending.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Shared test helpers: the CLI's JSON mapper and a deterministic event history. */
public final class TestJson {
  private TestJson() {}

  public static ObjectMapper mapper() {
    return CliRuntime.json();
  }

  /** Events {@code from..to} of one user's history ending before {@code end}, varied by index. */
  public static List<UserEvent> sampleHistory(String user, int from, int to, Instant end) {
    List<UserEvent> out = new ArrayList<>();
    UserId u = new UserId(user);
    for (int i = from; i < to; i++) {
      Instant at = end.minus(Duration.ofHours(7L * (100 - i)));
      EventId id = new EventId(user + "-" + i);
      out.add(
          switch (i % 3) {
            case 0 -> new SessionStarted(id, u, at, "t", "d" + (i % 4), "ip" + (i % 5), "上海");
            case 1 ->
                new LoanApplied(
                    id,
                    u,
                    at,
                    "t",
                    new ApplicationId("a" + i),
                    Money.of(500 + 10L * i),
                    3,
                    LoanPurpose.CONSUMPTION,
                    "app",
                    "d1",
                    null,
                    null);
            default ->
                new TransactionMade(
                    id, u, at, "t", "cat" + (i % 2), Money.of(20 + i), i % 2 == 0, false);
          });
    }
    return out;
  }
}
