package io.huaxiang.core.expr;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where each node of a parsed tree came from, so that type errors found after parsing can point at
 * the right characters. Kept beside the tree, not in it, so that trees compare equal by content.
 */
final class SourceMap {

  /** A half-open character range {@code [start, end)} of the source. */
  record Span(int start, int end) {
    int length() {
      return end - start;
    }
  }

  private final Map<Expr, Span> extents = new IdentityHashMap<>();
  private final Map<Expr, Span> operators = new IdentityHashMap<>();

  <E extends Expr> E record(E node, int start, int end) {
    extents.put(node, new Span(start, end));
    return node;
  }

  <E extends Expr> E record(E node, int start, int end, Token operator) {
    operators.put(node, new Span(operator.start(), operator.end()));
    return record(node, start, end);
  }

  /** The node's whole extent; (0, 0) for a node that was not parsed from this source. */
  Span extent(Expr node) {
    return extents.getOrDefault(node, new Span(0, 0));
  }

  /**
   * The node's operator token (e.g. {@code >} or {@code between}), or its extent if it has none.
   */
  Span operator(Expr node) {
    Span op = operators.get(node);
    return op != null ? op : extent(node);
  }

  int start(Expr node) {
    return extent(node).start();
  }

  int end(Expr node) {
    return extent(node).end();
  }
}
