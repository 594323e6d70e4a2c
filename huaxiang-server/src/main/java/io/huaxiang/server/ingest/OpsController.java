package io.huaxiang.server.ingest;

import io.huaxiang.server.portrait.PortraitService;
import io.huaxiang.store.DeadLetter;
import io.huaxiang.store.DeadLetterStore;
import io.huaxiang.store.EventStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What operations watch: volumes and refused records. */
@RestController
@RequestMapping(path = "/api/v1/ops", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "operations", description = "Ingestion status and dead letters / 运维")
class OpsController {
  private final EventStore events;
  private final DeadLetterStore deadLetters;
  private final PortraitService portraits;

  OpsController(EventStore events, DeadLetterStore deadLetters, PortraitService portraits) {
    this.events = events;
    this.deadLetters = deadLetters;
    this.portraits = portraits;
  }

  record Stats(long portraits, long events, long appliedSeq) {}

  @Operation(summary = "Counts of portraits and events, and how far portraits follow the log")
  @GetMapping("/stats")
  Stats stats() {
    return new Stats(portraits.size(), events.count(), portraits.appliedSeq());
  }

  @Operation(summary = "The most recent refused records with line/index, reason and field")
  @GetMapping("/dead-letters")
  List<DeadLetter> deadLetters(@RequestParam(defaultValue = "50") int limit) {
    return deadLetters.recent(Math.max(1, Math.min(limit, 1_000)));
  }
}
