package io.huaxiang.server.catalogue;

import io.huaxiang.core.profile.FeatureDefinition;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.tag.TagRule;
import io.huaxiang.server.portrait.PortraitService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The feature and tag catalogues and the event schema: what a portrait contains and means. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "catalogue", description = "Features, tags and the event schema / 特征与标签目录")
class CatalogueController {
  private final PortraitService portraits;

  CatalogueController(PortraitService portraits) {
    this.portraits = portraits;
  }

  record TagDefinition(
      String id,
      String category,
      String labelZh,
      String labelEn,
      String description,
      String rule) {}

  record TagCatalogue(int version, List<TagDefinition> tags) {}

  @Operation(summary = "Every portrait feature: name, group, window, type, unit, labels, meaning")
  @GetMapping("/catalogue/features")
  List<FeatureDefinition> features() {
    return PortraitFeatures.catalogue().definitions();
  }

  @Operation(summary = "Every tag with its rule, and the version of the rule set")
  @GetMapping("/catalogue/tags")
  TagCatalogue tags() {
    var rules = portraits.engine().tagRules();
    return new TagCatalogue(
        rules.version(),
        rules.rules().stream()
            .map(
                (TagRule r) ->
                    new TagDefinition(
                        r.id(), r.category(), r.labelZh(), r.labelEn(), r.description(), r.rule()))
            .toList());
  }

  @Operation(summary = "JSON Schema of the event wire format (version 1)")
  @GetMapping("/events/schema")
  ResponseEntity<String> eventSchema() throws IOException {
    try (InputStream in =
        getClass().getResourceAsStream("/io/huaxiang/core/event/events.schema.json")) {
      if (in == null) {
        return ResponseEntity.notFound().build();
      }
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
