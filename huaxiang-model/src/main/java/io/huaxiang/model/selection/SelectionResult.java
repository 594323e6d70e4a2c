package io.huaxiang.model.selection;

import java.util.List;

/** The selected features, in order of entry, and the log of every decision on the way. */
public record SelectionResult(List<String> selected, List<SelectionStep> log) {

  public SelectionResult {
    selected = List.copyOf(selected);
    log = List.copyOf(log);
  }

  /** Returns the log as printable lines. */
  public String print() {
    StringBuilder sb = new StringBuilder();
    for (SelectionStep s : log) {
      sb.append(s).append('\n');
    }
    sb.append("selected (").append(selected.size()).append("): ").append(selected).append('\n');
    return sb.toString();
  }
}
