package io.huaxiang.core.expr;

/** A parsed tree with the source it came from and where each node sits in it. */
record ParseResult(String source, Expr root, SourceMap positions) {}
