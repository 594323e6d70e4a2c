package io.huaxiang.server.decision;

import io.huaxiang.core.decision.IdentifierKind;
import io.huaxiang.core.decision.ListKind;
import io.huaxiang.core.identity.BankCardNumber;
import io.huaxiang.core.identity.InvalidIdentifierException;
import io.huaxiang.core.identity.PhoneNumber;
import io.huaxiang.core.identity.ResidentIdNumber;
import io.huaxiang.server.api.ApiException;
import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.security.Actors;
import io.huaxiang.store.ListStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Black, grey and white lists: identifiers are sent in the body (never in a URL), validated, hashed
 * with the lookup key and stored only as the hash.
 */
@RestController
@RequestMapping(path = "/api/v1/lists", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "lists", description = "Black, grey and white lists / 黑灰白名单")
class ListController {
  private final ListStore lists;
  private final DecisionLookupKey key;
  private final AuditService audit;
  private final Clock clock;

  ListController(ListStore lists, DecisionLookupKey key, AuditService audit, Clock clock) {
    this.lists = lists;
    this.key = key;
    this.audit = audit;
    this.clock = clock;
  }

  /** One identifier on one list. */
  record Entry(String list, String kind, String value, String reason) {}

  /** An entry as shown: the hash's first 12 characters only. */
  record Shown(
      String list,
      String kind,
      String keyHashPrefix,
      String reason,
      String addedBy,
      Instant addedAt) {}

  @Operation(
      summary = "Put an identifier (id, phone, device, ip, card) on a list (black, grey, white)")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> add(@RequestBody Entry e) {
    ListKind list = list(e);
    IdentifierKind kind = kind(e);
    String hash = key.hash().hash(kind.domain(), normalise(kind, e.value()));
    String by = Actors.current();
    lists.add(list, kind, hash, e.reason() == null ? "" : e.reason(), by, clock.instant());
    audit.record(
        by,
        "LIST_ENTRY_ADDED",
        "FRAUD_PREVENTION",
        "",
        list + " " + kind + " " + hash.substring(0, 12));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            Map.of(
                "list",
                list.name().toLowerCase(Locale.ROOT),
                "kind",
                kind.wire(),
                "key_hash_prefix",
                hash.substring(0, 12)));
  }

  @Operation(summary = "Take an identifier off a list")
  @PostMapping(path = "/remove", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> remove(@RequestBody Entry e) {
    ListKind list = list(e);
    IdentifierKind kind = kind(e);
    String hash = key.hash().hash(kind.domain(), normalise(kind, e.value()));
    boolean removed = lists.remove(list, kind, hash);
    audit.record(
        Actors.current(),
        "LIST_ENTRY_REMOVED",
        "FRAUD_PREVENTION",
        "",
        list + " " + kind + " " + hash.substring(0, 12));
    return Map.of("removed", removed);
  }

  @Operation(summary = "The latest 1,000 entries (hash prefixes only)")
  @GetMapping
  List<Shown> list() {
    return lists.list(1000).stream()
        .map(
            x ->
                new Shown(
                    x.list().name().toLowerCase(Locale.ROOT),
                    x.key().wire(),
                    x.keyHash().substring(0, 12),
                    x.reason(),
                    x.addedBy(),
                    x.addedAt()))
        .toList();
  }

  private static ListKind list(Entry e) {
    try {
      return ListKind.valueOf(e.list() == null ? "" : e.list().trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException ex) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "list is black, grey or white",
          "list 只能是 black、grey 或 white");
    }
  }

  private static IdentifierKind kind(Entry e) {
    try {
      return IdentifierKind.fromWire(e.kind() == null ? "" : e.kind().trim());
    } catch (IllegalArgumentException ex) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          ex.getMessage(),
          "kind 只能是 id、phone、device、ip 或 card");
    }
  }

  /** The value as the decision path hashes it: ID, phone and card parsed, the rest trimmed. */
  private static String normalise(IdentifierKind kind, String value) {
    if (value == null || value.isBlank() || value.length() > 128) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          "value is required (at most 128 characters)",
          "value 必填（不超过128个字符）");
    }
    try {
      return switch (kind) {
        case ID -> ResidentIdNumber.parse(value).value();
        case PHONE -> PhoneNumber.parse(value).value();
        case CARD -> BankCardNumber.parse(value).value();
        case DEVICE, IP -> value.trim();
      };
    } catch (InvalidIdentifierException ex) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, ex.reason().code(), ex.reason().en(), ex.reason().zh());
    }
  }
}
