package io.huaxiang.server.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.huaxiang.core.event.InvalidEventException;
import io.huaxiang.core.event.RejectReason;
import io.huaxiang.core.event.json.EventJson;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.config.HuaxiangProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Event ingestion over HTTP: one event, or a batch with a per-record report. */
@RestController
@RequestMapping(path = "/api/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "ingest", description = "Send user events (see docs/events.md) / 事件接入")
class IngestController {
  private final IngestService ingest;
  private final EventJson json;
  private final int maxBatch;

  IngestController(IngestService ingest, EventJson json, HuaxiangProperties settings) {
    this.ingest = ingest;
    this.json = json;
    this.maxBatch = settings.ingest().maxBatch();
  }

  /** The acknowledgement of one event: stored now, or already stored before. */
  record Accepted(String eventId, String status, long seq) {}

  @Operation(summary = "Ingest one event; 202 once it is durably stored (duplicates are ignored)")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Accepted> one(@RequestBody String body) {
    ParsedRecord record;
    try {
      record = ParsedRecord.ok(0, body, json.read(body));
    } catch (InvalidEventException e) {
      record = ParsedRecord.failed(0, body, e); // still ingested: refusals become dead letters
    }
    IngestReport report = ingest.ingest(List.of(record), "api", null, true);
    if (!report.rejected().isEmpty()) {
      Rejection r = report.rejected().get(0);
      throw new InvalidEventException(RejectReason.valueOf(r.reason()), r.field(), r.message());
    }
    String status = report.accepted() == 1 ? "accepted" : "duplicate";
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new Accepted(record.event().id().value(), status, report.lastSeq()));
  }

  @Operation(
      summary =
          "Ingest a batch (a JSON array, or {\"events\": [...]}); valid events are stored,"
              + " each refused one is reported with its index and reason")
  @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
  IngestReport batch(@RequestBody String body) {
    JsonNode root;
    try {
      root = json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException(
          RejectReason.MALFORMED_JSON,
          null,
          "malformed JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
    }
    JsonNode events = root != null && root.isObject() ? root.get("events") : root;
    if (events == null || !events.isArray()) {
      throw new InvalidEventException(
          RejectReason.MALFORMED_JSON,
          null,
          "a batch is a JSON array of events, or an object with an 'events' array");
    }
    if (events.size() > maxBatch) {
      throw new ApiException(
          HttpStatus.PAYLOAD_TOO_LARGE,
          "TOO_LARGE",
          "a batch holds at most " + maxBatch + " events, got " + events.size(),
          "单批最多 " + maxBatch + " 条事件");
    }
    List<ParsedRecord> records = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      JsonNode node = events.get(i);
      try {
        records.add(ParsedRecord.ok(i, node.toString(), json.read(node)));
      } catch (InvalidEventException e) {
        records.add(ParsedRecord.failed(i, node.toString(), e));
      }
    }
    return ingest.ingest(records, "api", null, true);
  }
}
