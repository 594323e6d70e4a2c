package io.huaxiang.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Lets benchmarks build a runtime the way the CLI does. */
public final class BenchSupport {
  private BenchSupport() {}

  public static ObjectMapper json() {
    return CliRuntime.json();
  }
}
