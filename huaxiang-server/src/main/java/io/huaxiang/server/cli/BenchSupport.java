package io.huaxiang.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Lets benchmarks build a runtime the way the CLI does. */
public final class BenchSupport {
  private BenchSupport() {}

  public static ObjectMapper json() {
    return CliRuntime.json();
  }

  /** The JSON settings decisions are stored with (as the server and the decision CLI use). */
  public static ObjectMapper storageJson() {
    return DecisionCommand.json();
  }
}
