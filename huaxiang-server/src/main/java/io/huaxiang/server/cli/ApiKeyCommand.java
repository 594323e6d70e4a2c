package io.huaxiang.server.cli;

import io.huaxiang.server.audit.AuditService;
import io.huaxiang.server.config.HuaxiangRuntime;
import io.huaxiang.server.security.ApiKeys;
import io.huaxiang.server.security.Scope;
import io.huaxiang.store.ApiKeyStore;
import io.huaxiang.store.AuditStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Machine clients' API keys: {@code huaxiang apikey create|list|revoke}. Audited. */
@Command(
    name = "apikey",
    description = "Manage API keys of machine clients. / 管理机器客户端的 API 密钥。",
    mixinStandardHelpOptions = true,
    subcommands = {
      ApiKeyCommand.Create.class,
      ApiKeyCommand.ListKeys.class,
      ApiKeyCommand.Revoke.class
    })
final class ApiKeyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DbOptions db;

    @Override
    public Integer call() {
      try (HuaxiangRuntime runtime = CliRuntime.open(db)) {
        ApiKeyStore store = new ApiKeyStore(runtime.database().dataSource());
        AuditStore auditStore = new AuditStore(runtime.database().dataSource());
        try {
          return run(
              new ApiKeys(store, Clock.systemUTC(), Duration.ZERO),
              store,
              new AuditService(auditStore, Clock.systemUTC()),
              spec.commandLine().getOut());
        } finally {
          auditStore.close();
        }
      }
    }

    abstract int run(ApiKeys keys, ApiKeyStore store, AuditService audit, PrintWriter out);
  }

  @Command(
      name = "create",
      description = "Create a key and print it once: it cannot be shown again. / 创建密钥,仅显示一次。")
  static final class Create extends Base {
    @Parameters(index = "0", description = "Name of the client, e.g. app-feed")
    String name;

    @Option(
        names = "--scope",
        required = true,
        split = ",",
        description = "What the key may do: ingest, decide (comma-separated)")
    List<String> scopes;

    @Override
    int run(ApiKeys keys, ApiKeyStore store, AuditService audit, PrintWriter out) {
      Set<Scope> wanted = EnumSet.noneOf(Scope.class);
      for (String s : scopes) {
        wanted.add(
            Scope.fromWire(s.strip())
                .orElseThrow(
                    () ->
                        new ParameterException(
                            spec.commandLine(), "unknown scope '" + s + "'; use ingest, decide")));
      }
      ApiKeys.Created created;
      try {
        created = keys.create(name, wanted, CliActor.current());
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      audit.record(
          CliActor.current(),
          "API_KEY_CREATED",
          "ADMINISTRATION",
          "client:" + name,
          "scopes=" + new TreeSet<>(created.key().scopes()));
      out.println(created.secret());
      spec.commandLine()
          .getErr()
          .println(
              "API key for '"
                  + name
                  + "' above: store it now, it is not kept / 请立即保存上面的密钥,系统不保存明文."
                  + " Send it as: X-Api-Key: <key>");
      return 0;
    }
  }

  @Command(name = "list", description = "List keys (names, scopes, state; never the key). / 列出密钥。")
  static final class ListKeys extends Base {
    @Override
    int run(ApiKeys keys, ApiKeyStore store, AuditService audit, PrintWriter out) {
      store
          .list()
          .forEach(
              k ->
                  out.printf(
                      "%-24s %-14s %-16s %s%n",
                      k.name(),
                      k.prefix() + "…",
                      String.join(",", new TreeSet<>(k.scopes())),
                      k.revoked() ? "REVOKED " + k.revokedAt() : "active"));
      return 0;
    }
  }

  @Command(
      name = "revoke",
      description = "Revoke a key (servers stop accepting it within 10 s). / 吊销密钥。")
  static final class Revoke extends Base {
    @Parameters(index = "0")
    String name;

    @Override
    int run(ApiKeys keys, ApiKeyStore store, AuditService audit, PrintWriter out) {
      if (!keys.revoke(name)) {
        throw new ParameterException(
            spec.commandLine(), "no usable key named '" + name + "' / 无此可用密钥");
      }
      audit.record(CliActor.current(), "API_KEY_REVOKED", "ADMINISTRATION", "client:" + name, "");
      out.println("revoked / 已吊销 " + name);
      return 0;
    }
  }
}
