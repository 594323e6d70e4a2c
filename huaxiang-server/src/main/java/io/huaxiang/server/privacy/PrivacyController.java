package io.huaxiang.server.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huaxiang.core.event.UserId;
import io.huaxiang.server.security.Actors;
import io.huaxiang.store.SubjectStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data-subject requests over HTTP (compliance role only): export, correction, erasure, legal hold.
 */
@RestController
@RequestMapping(
    path = "/api/v1/privacy/users/{userId}",
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "privacy", description = "Data-subject rights / 个人信息主体权利")
class PrivacyController {
  private final SubjectRights rights;

  PrivacyController(SubjectRights rights) {
    this.rights = rights;
  }

  record CorrectionRequest(String requestRef, Map<String, Object> fields) {}

  record ErasureRequest(String requestRef) {}

  record HoldRequest(String reason) {}

  @Operation(summary = "Everything held about a user, as a JSON file (PIPL Art 45)")
  @GetMapping("/export")
  ResponseEntity<ObjectNode> export(
      @PathVariable String userId,
      @RequestParam(name = "request_ref", required = false) String requestRef) {
    ObjectNode body = rights.export(new UserId(userId), Actors.current(), ref(requestRef));
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"subject-export-"
                + userId.replaceAll("[^A-Za-z0-9_-]", "_")
                + ".json\"")
        .body(body);
  }

  @Operation(summary = "Correct declared registration details (PIPL Art 46)")
  @PostMapping(path = "/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
  SubjectRights.Correction correct(
      @PathVariable String userId, @RequestBody CorrectionRequest body) {
    return rights.correct(
        new UserId(userId), body.fields(), Actors.current(), ref(body.requestRef()));
  }

  @Operation(summary = "Erase a user; loan and AML records are kept restricted (PIPL Art 47)")
  @PostMapping(path = "/erasure")
  SubjectStore.Erasure erase(
      @PathVariable String userId, @RequestBody(required = false) ErasureRequest body) {
    return rights.erase(
        new UserId(userId), Actors.current(), ref(body == null ? null : body.requestRef()));
  }

  @Operation(summary = "The legal hold on a user's data, if any")
  @GetMapping("/legal-hold")
  ResponseEntity<SubjectStore.LegalHold> hold(@PathVariable String userId) {
    Optional<SubjectStore.LegalHold> hold = rights.subjects().hold(new UserId(userId).value());
    return hold.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
  }

  @Operation(summary = "Place a legal hold: nothing of the user is deleted while it stands")
  @PutMapping(path = "/legal-hold", consumes = MediaType.APPLICATION_JSON_VALUE)
  SubjectStore.LegalHold placeHold(@PathVariable String userId, @RequestBody HoldRequest body) {
    UserId user = new UserId(userId);
    rights.placeHold(user, body.reason(), Actors.current());
    return rights.subjects().hold(user.value()).orElseThrow();
  }

  @Operation(summary = "Release a legal hold")
  @DeleteMapping("/legal-hold")
  ResponseEntity<Void> releaseHold(@PathVariable String userId) {
    return rights.releaseHold(new UserId(userId), Actors.current())
        ? ResponseEntity.noContent().build()
        : ResponseEntity.notFound().build();
  }

  private static String ref(String requestRef) {
    return requestRef == null || requestRef.isBlank() ? "unreferenced" : requestRef.strip();
  }
}
