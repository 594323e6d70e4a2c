/**
 * Huaxiang's small typed expression language, shared by tag rules, segments and loan-decision
 * strategy rules.
 *
 * <p>{@link io.huaxiang.core.expr.Expressions#compile} checks a source text against a {@link
 * io.huaxiang.core.expr.Schema} and turns it into a {@link
 * io.huaxiang.core.expr.CompiledExpression} whose evaluation reads variables by integer slot and
 * allocates nothing for number and true/false rules; {@link io.huaxiang.core.expr.ArrayBindings} is
 * the reusable row to evaluate against, {@link io.huaxiang.core.expr.MapBindings} the simple one.
 * {@link io.huaxiang.core.expr.Expressions#parse} gives the syntax tree ({@link
 * io.huaxiang.core.expr.Expr}) for tools. Every user mistake is an {@link
 * io.huaxiang.core.expr.ExpressionException} with a position, the expected tokens and a bilingual
 * message. The user guide is {@code docs/expressions.md}.
 */
package io.huaxiang.core.expr;
