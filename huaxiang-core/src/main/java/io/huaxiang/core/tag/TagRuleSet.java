package io.huaxiang.core.tag;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.huaxiang.core.expr.ExpressionException;
import io.huaxiang.core.expr.Expressions;
import io.huaxiang.core.profile.FeatureCatalogue;
import io.huaxiang.core.profile.FeatureValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A versioned set of tag rules, loaded from YAML and checked against the feature catalogue, that
 * turns a portrait's feature values into its tags.
 *
 * <p>Rules are evaluated top to bottom, so {@code has_tag('x')} sees tags granted above it.
 */
public final class TagRuleSet {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final int version;
  private final List<TagRule> rules;
  private final PortraitSchema schema;

  private TagRuleSet(int version, List<TagRule> rules, PortraitSchema schema) {
    this.version = version;
    this.rules = List.copyOf(rules);
    this.schema = schema;
  }

  /** The tag rules shipped with Huaxiang ({@code tags.yaml} in this package). */
  public static TagRuleSet standard(FeatureCatalogue catalogue) {
    try (InputStream in = TagRuleSet.class.getResourceAsStream("tags.yaml")) {
      return load(in, catalogue);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads and validates rules; every problem names the tag and the position in its rule. */
  public static TagRuleSet load(InputStream yaml, FeatureCatalogue catalogue) {
    TagFile file;
    try {
      file = YAML.readValue(yaml, TagFile.class);
    } catch (IOException e) {
      throw new TagRulesException("tag file is not valid: " + e.getMessage(), e);
    }
    if (file == null || file.tags() == null || file.version() <= 0) {
      throw new TagRulesException("tag file needs a positive 'version' and a list of 'tags'");
    }
    PortraitSchema schema = new PortraitSchema(catalogue);
    List<TagRule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (TagFile.Entry e : file.tags()) {
      if (e.id() == null || !e.id().matches("[a-z][a-z0-9_]*")) {
        throw new TagRulesException("tag id must be lower_snake_case: " + e.id());
      }
      if (!ids.add(e.id())) {
        throw new TagRulesException("tag '" + e.id() + "' is declared twice");
      }
      if (e.label() == null || e.label().get("zh") == null || e.label().get("en") == null) {
        throw new TagRulesException("tag '" + e.id() + "' needs label.zh and label.en");
      }
      try {
        rules.add(
            new TagRule(
                e.id(),
                e.category() == null ? "general" : e.category(),
                e.label().get("zh"),
                e.label().get("en"),
                e.description() == null ? "" : e.description(),
                e.when(),
                Expressions.compileCondition(e.when(), schema.schema())));
      } catch (ExpressionException ex) {
        throw new TagRulesException("tag '" + e.id() + "': " + ex.getMessage(), ex);
      }
    }
    return new TagRuleSet(file.version(), rules, schema);
  }

  public int version() {
    return version;
  }

  public List<TagRule> rules() {
    return rules;
  }

  /** The tags a portrait with these feature values carries, in rule order. */
  public Set<String> evaluate(FeatureValues values) {
    Set<String> granted = new LinkedHashSet<>();
    var bindings = schema.bind(values, granted);
    for (TagRule rule : rules) {
      if (rule.condition().test(bindings)) {
        granted.add(rule.id());
      }
    }
    return granted;
  }

  /**
   * Re-evaluates tags and returns the new active set with when each was gained; tags kept from
   * before keep their original gained time, and every gain or loss is reported at {@code at}.
   */
  public TagUpdate update(Map<String, Instant> active, FeatureValues values, Instant at) {
    Set<String> now = evaluate(values);
    TreeMap<String, Instant> next = new TreeMap<>();
    List<TagChange> changes = new ArrayList<>();
    for (String tag : now) {
      Instant since = active.get(tag);
      if (since == null) {
        changes.add(new TagChange(tag, true, at));
        since = at;
      }
      next.put(tag, since);
    }
    for (var e : active.entrySet()) {
      if (!now.contains(e.getKey())) {
        changes.add(new TagChange(e.getKey(), false, at));
      }
    }
    return new TagUpdate(next, changes);
  }

  /** The active tags after an update, and what changed. */
  public record TagUpdate(TreeMap<String, Instant> active, List<TagChange> changes) {}

  /** A tag gained or lost at a time. */
  public record TagChange(String tag, boolean gained, Instant at) {}

  record TagFile(int version, List<Entry> tags) {
    record Entry(
        String id, String category, Map<String, String> label, String description, String when) {}
  }
}
