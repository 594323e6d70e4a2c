package io.huaxiang.core.segment;

import io.huaxiang.core.expr.CompiledExpression;
import java.util.Objects;

/** One version of a segment (客群): its name and its compiled condition over features and tags. */
public record SegmentRule(String name, int version, CompiledExpression condition) {
  public SegmentRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(condition, "condition");
  }
}
