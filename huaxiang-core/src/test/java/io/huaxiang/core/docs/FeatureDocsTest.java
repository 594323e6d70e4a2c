package io.huaxiang.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.huaxiang.core.profile.FeatureDefinition;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.tag.TagRule;
import io.huaxiang.core.tag.TagRuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/features.md is generated from the feature catalogue and the tag rules, so the docs cannot
 * drift from the code. Run with {@code -Dhuaxiang.updateDocs=true} to rewrite it.
 */
class FeatureDocsTest {
  private static final Path DOC = Path.of("../docs/features.md");

  @Test
  void docsListEveryFeatureAndTagAsTheCodeDeclaresThem() throws IOException {
    String expected = render();
    if (Boolean.getBoolean("huaxiang.updateDocs") || !Files.exists(DOC)) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/features.md is stale: rerun this test with -Dhuaxiang.updateDocs=true")
        .isEqualTo(expected);
  }

  static String render() {
    StringBuilder md = new StringBuilder();
    md.append("# Portrait features and tags / 画像特征与标签\n\n")
        .append(
            "Generated from `PortraitFeatures` and `tags.yaml` by `FeatureDocsTest`; do not edit by hand.\n\n")
        .append(
            "Windows are whole calendar days in Asia/Shanghai ending on the as-of day (inclusive). ")
        .append(
            "Numbers are missing (null) when they cannot be known (no registration, no application yet).\n\n")
        .append("## Features\n\n")
        .append("| name | group | window | type | unit | 中文 | English | meaning |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (FeatureDefinition d : PortraitFeatures.catalogue().definitions()) {
      md.append("| `")
          .append(d.name())
          .append("` | ")
          .append(d.group())
          .append(" | ")
          .append(d.window())
          .append(" | ")
          .append(d.type())
          .append(" | ")
          .append(d.unit())
          .append(" | ")
          .append(d.labelZh())
          .append(" | ")
          .append(d.labelEn())
          .append(" | ")
          .append(d.description())
          .append(" |\n");
    }
    TagRuleSet tags = TagRuleSet.standard(PortraitFeatures.catalogue());
    md.append("\n## Tags (rule set version ")
        .append(tags.version())
        .append(")\n\n")
        .append("| tag | category | 中文 | English | rule |\n|---|---|---|---|---|\n");
    for (TagRule r : tags.rules()) {
      md.append("| `")
          .append(r.id())
          .append("` | ")
          .append(r.category())
          .append(" | ")
          .append(r.labelZh())
          .append(" | ")
          .append(r.labelEn())
          .append(" | `")
          .append(r.rule().replace("|", "\\|"))
          .append("` |\n");
    }
    return md.toString();
  }
}
