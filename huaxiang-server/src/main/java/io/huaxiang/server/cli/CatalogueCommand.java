package io.huaxiang.server.cli;

import io.huaxiang.core.profile.FeatureDefinition;
import io.huaxiang.core.profile.PortraitFeatures;
import io.huaxiang.core.tag.TagRule;
import io.huaxiang.core.tag.TagRuleSet;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Lists the feature or tag catalogue as a table. */
@Command(
    name = "catalogue",
    description = "List portrait features or tags. / 列出特征或标签目录。",
    mixinStandardHelpOptions = true)
final class CatalogueCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "features|tags", defaultValue = "features")
  String what;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    switch (what) {
      case "features" -> {
        for (FeatureDefinition d : PortraitFeatures.catalogue().definitions()) {
          out.printf(
              "%-36s %-13s %-9s %-8s %s / %s%n",
              d.name(), d.group(), d.window(), d.type(), d.labelEn(), d.labelZh());
        }
      }
      case "tags" -> {
        TagRuleSet rules = TagRuleSet.standard(PortraitFeatures.catalogue());
        out.printf("tag rules version %d%n", rules.version());
        for (TagRule r : rules.rules()) {
          out.printf(
              "%-26s %-13s %s / %s: %s%n",
              r.id(), r.category(), r.labelEn(), r.labelZh(), r.rule());
        }
      }
      default ->
          throw new picocli.CommandLine.ParameterException(
              spec.commandLine(), "unknown catalogue '" + what + "': use features or tags");
    }
    out.flush();
    return 0;
  }
}
