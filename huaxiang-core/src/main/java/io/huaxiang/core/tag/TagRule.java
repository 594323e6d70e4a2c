package io.huaxiang.core.tag;

import io.huaxiang.core.expr.CompiledExpression;

/** One portrait tag (画像标签): its id, bilingual label, category and the rule that grants it. */
public record TagRule(
    String id,
    String category,
    String labelZh,
    String labelEn,
    String description,
    String rule,
    CompiledExpression condition) {}
