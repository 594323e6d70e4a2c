package io.huaxiang.server.analytics;

import io.huaxiang.core.event.UserId;
import io.huaxiang.server.api.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Personas by k-means over standardised portrait features: fit, choose k, cards, assignment. */
@RestController
@Tag(name = "personas", description = "k-means personas over portrait features / 用户群体画像")
class PersonaController {
  private static final int MAX_K = 20;
  private static final int MAX_ITERATIONS = 300;

  private final PersonaService personas;

  PersonaController(PersonaService personas) {
    this.personas = personas;
  }

  @Operation(
      summary =
          "Fit k personas (k-means++ then Lloyd, standardised features) and make them current")
  @PostMapping(path = "/api/v1/personas/fit", produces = MediaType.APPLICATION_JSON_VALUE)
  PersonaModel fit(
      @RequestParam(defaultValue = "5") int k,
      @RequestParam(defaultValue = "100") int iterations,
      @RequestParam(defaultValue = "42") long seed) {
    check("k", k, 1, MAX_K);
    check("iterations", iterations, 1, MAX_ITERATIONS);
    try {
      return personas.fit(k, iterations, seed);
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.CONFLICT, "TOO_FEW_USERS", e.getMessage(), "用户数少于 k,无法聚类");
    }
  }

  @Operation(
      summary =
          "The current personas (persona cards); 404 before the first fit, or 204 with"
              + " `optional=true` (the console asks so, since no fit yet is no error)")
  @GetMapping(path = "/api/v1/personas", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PersonaModel> current(@RequestParam(defaultValue = "false") boolean optional) {
    return personas
        .current()
        .map(ResponseEntity::ok)
        .orElseGet(
            () -> {
              if (optional) {
                return ResponseEntity.noContent().build();
              }
              throw ApiException.notFound("fitted personas", "已训练的用户群体");
            });
  }

  @Operation(
      summary =
          "Inertia (elbow) and mean silhouette (on a 2,000-user sample) for each k, to choose k")
  @GetMapping(path = "/api/v1/personas/k-selection", produces = MediaType.APPLICATION_JSON_VALUE)
  List<PersonaService.KChoice> chooseK(
      @RequestParam(defaultValue = "2") int from,
      @RequestParam(defaultValue = "8") int to,
      @RequestParam(defaultValue = "100") int iterations,
      @RequestParam(defaultValue = "42") long seed) {
    check("from", from, 1, MAX_K);
    check("to", to, from, MAX_K);
    check("iterations", iterations, 1, MAX_ITERATIONS);
    return personas.chooseK(from, to, iterations, seed);
  }

  @Operation(
      summary = "The persona a user belongs to now (online assignment to the nearest centre)")
  @GetMapping(path = "/api/v1/users/{userId}/persona", produces = MediaType.APPLICATION_JSON_VALUE)
  PersonaService.Assignment assign(@PathVariable String userId) {
    if (personas.current().isEmpty()) {
      throw ApiException.notFound("fitted personas", "已训练的用户群体");
    }
    return personas
        .assign(new UserId(userId))
        .orElseThrow(() -> ApiException.notFound("user '" + userId + "'", "用户 " + userId));
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "INVALID_VALUE",
          name + " must be between " + min + " and " + max + ", got " + value,
          name + " 须在 " + min + " 到 " + max + " 之间,实际为 " + value);
    }
  }
}
